package io.channelhub.transfer.domain;

import io.channelhub.transfer.state.TransferState;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a command or a tick leads to: the events to publish (transfer outcomes, and the entitlement move on
 * completion) and the transfer's state afterwards ({@code null}: unchanged).
 */
public record Decision(List<SpecificRecord> events, TransferState state) {

    public static final Decision NOTHING = new Decision(List.of(), null);

    public static Decision of(TransferState state, SpecificRecord... events) {
        return new Decision(List.of(events), state);
    }

    public static Decision only(SpecificRecord event) {
        return new Decision(List.of(event), null);
    }
}
