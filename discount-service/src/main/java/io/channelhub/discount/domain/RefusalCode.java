package io.channelhub.discount.domain;

import io.channelhub.discount.event.DiscountRefusal;

/** Why a discount command was refused: a stable code (a metric tag, a field for upstream) and its sentence. */
public enum RefusalCode {
    // D1: the request itself
    PERCENT_OUT_OF_RANGE("the percentage must be more than 0 and at most 100, with at most two decimals"),
    END_NOT_AFTER_START("the end date must be after the start date"),
    START_NOT_IN_FUTURE("the start date must be in the future: the reseller has to accept before it"),
    ACCOUNT_REQUIRED("a billing account is required (only a multi-use private offer plan covers every customer)"),
    // D2: the parties
    ISV_UNKNOWN("the ISV is not known"),
    RESALE_NOT_ENABLED("the ISV does not have resale enabled"),
    RESELLER_UNKNOWN("the reseller is not known"),
    ACCOUNT_UNKNOWN("the billing account is not known"),
    ACCOUNT_NOT_OF_RESELLER("the billing account is not a customer subaccount of this reseller"),
    // D4
    OVERLAPS("another discount of this ISV for this customer would be in effect at the same time"),
    // D3: acceptance and cancellation
    UNKNOWN_DISCOUNT("there is no such discount of this ISV through this reseller"),
    NOT_THE_RESELLER("only the discount's reseller can accept it"),
    NOT_THE_ISV("only the discount's ISV can cancel it"),
    NOT_PROPOSED("the discount is no longer awaiting acceptance"),
    ALREADY_CLOSED("the discount has already ended, lapsed or been cancelled");

    private final String message;

    RefusalCode(String message) {
        this.message = message;
    }

    public DiscountRefusal refusal() {
        return new DiscountRefusal(name(), message);
    }

    public DiscountRefusal refusal(String detail) {
        return new DiscountRefusal(name(), message + ": " + detail);
    }
}
