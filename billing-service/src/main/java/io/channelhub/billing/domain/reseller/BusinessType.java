package io.channelhub.billing.domain.reseller;

/** What a registering business does (R1): only businesses that resell software join the programme. */
public enum BusinessType {
    SOFTWARE_RESELLER(true),
    VALUE_ADDED_RESELLER(true),
    /** Integrators and MSPs resell the licences they deploy or run for their clients. */
    SYSTEM_INTEGRATOR(true),
    MANAGED_SERVICE_PROVIDER(true),
    /** Sells advice, not software: not eligible (R1). */
    CONSULTANCY(false);

    private final boolean eligible;

    BusinessType(boolean eligible) {
        this.eligible = eligible;
    }

    public boolean eligible() {
        return eligible;
    }
}
