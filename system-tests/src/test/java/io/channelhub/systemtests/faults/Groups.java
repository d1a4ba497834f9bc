package io.channelhub.systemtests.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;

/** The broker's view of a consumer group: who is in it and which partitions each owns. */
final class Groups {

    static final String TRANSFERS = "channelhub-transfer-service";
    static final String SENDERS = "channelhub-notification-sender";

    private final String bootstrap;

    Groups(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Waits until the group is stable with {@code count} distinct instances (hosts of members by client id). */
    void awaitMembers(String group, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerGroupDescription description = describe(group);
            if (description.groupState() == GroupState.STABLE && instances(description) == count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(group + " did not reach " + count + " instances in " + timeout);
    }

    /**
     * Seconds from {@code since} until the group is stable with every partition of {@code topic} owned by the
     * one instance left: the dead instance's partitions are being processed again.
     */
    double awaitSoleOwner(String group, String topic, long since) throws Exception {
        long deadline = since + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerGroupDescription description = describe(group);
            long owned = description.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                    .filter(tp -> tp.topic().equals(topic)).count();
            if (description.groupState() == GroupState.STABLE && instances(description) == 1 && owned == 3) {
                return (System.nanoTime() - since) / 1e9;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(group + " still had no sole owner of " + topic + " 90 s after the kill");
    }

    /**
     * Instances, not members: the fault stack names each process's clients after it, and a process has a member
     * per stream thread ({@code <instance>-StreamThread-N-consumer}) or per sender ({@code <instance>-N}).
     */
    private static long instances(ConsumerGroupDescription description) {
        return description.members().stream().map(MemberDescription::clientId)
                .map(id -> id.contains("-StreamThread-") ? id.substring(0, id.indexOf("-StreamThread-"))
                        : id.replaceAll("-\\d+$", ""))
                .distinct().count();
    }

    private ConsumerGroupDescription describe(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
        }
    }
}
