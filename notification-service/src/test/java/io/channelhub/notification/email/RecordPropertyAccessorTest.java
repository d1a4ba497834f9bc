package io.channelhub.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import ognl.OgnlRuntime;
import org.junit.jupiter.api.Test;

/**
 * Records in a template's model are read through their accessors, found once per class (what they render to is
 * EmailRendererTest's: its models hold records).
 */
class RecordPropertyAccessorTest {

    record Party(String name, List<String> roles) {
    }

    @Test
    void theRendererReadsEveryRecordsComponentsThroughTheirAccessors() throws Exception {
        new EmailRenderer();
        var accessor = OgnlRuntime.getPropertyAccessor(Party.class);
        Party party = new Party("Ada <Ltd>", List.of("ISV", "RESELLER"));

        assertThat(accessor).isInstanceOf(RecordPropertyAccessor.class);
        assertThat(accessor.getProperty(Map.of(), party, "name")).isEqualTo("Ada <Ltd>");
        assertThat(accessor.getProperty(Map.of(), party, "roles")).isEqualTo(List.of("ISV", "RESELLER"));
    }
}
