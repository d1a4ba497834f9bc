package io.channelhub.billing.domain.migration;

/**
 * @param lastDaysRefused   B5: opting in is refused on the last N days of a month (UTC); 0 allows every day
 * @param finalTrialDays    B5: length of the final free trial, from the opt-in day
 * @param nearRenewalDays   B5: an ACTIVE order without auto-renew whose renewal is at most this many days after the
 *                          opt-in day gets the final trial instead of an Annual plan
 * @param trialReminderDays the "trial ending" e-mail goes out this many days before a trial's end
 */
public record MigrationSettings(int lastDaysRefused, int finalTrialDays, int nearRenewalDays, int trialReminderDays) {

    public MigrationSettings {
        // At most 27 so that even February keeps a day to opt in.
        if (lastDaysRefused < 0 || lastDaysRefused > 27) {
            throw new IllegalArgumentException("lastDaysRefused must be from 0 to 27: " + lastDaysRefused);
        }
        if (finalTrialDays <= 0 || nearRenewalDays < 0 || trialReminderDays < 0) {
            throw new IllegalArgumentException("Trial days must be positive, near-renewal and reminder days >= 0");
        }
    }

    /** B5 defaults: refused on the last 3 days, 30-day final trial, 30 days near renewal, reminder 7 days before. */
    public static MigrationSettings standard() {
        return new MigrationSettings(3, 30, 30, 7);
    }
}
