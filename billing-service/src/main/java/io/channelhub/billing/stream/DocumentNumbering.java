package io.channelhub.billing.stream;

import io.channelhub.billing.domain.Producer;
import io.channelhub.billing.domain.document.DocumentNumbers;
import io.channelhub.billing.domain.document.DocumentType;
import io.channelhub.billing.domain.document.IssuedDocument;
import io.channelhub.billing.event.BillingPlan;
import io.channelhub.billing.event.DocumentNumbered;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.platform.streams.DecodeOrDeadLetter;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.pricing.event.PriceListed;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Issue 23: human document numbers, gapless per issuer, series and year, derived from billing.events and
 * resellers.events (its own sub-topology, apart from the payers' processor). Each issued document is re-keyed by its series onto
 * {@value #BY_SERIES}, so one task numbers a series in order; that task keeps the series' last number and every
 * document's number in stores committed with its output (exactly-once), so a replayed document gets no second number.
 * The numbers go to billing.events (by payer) and to {@value #NUMBERS}, from which every instance keeps a global
 * store the documents' endpoints read.
 */
public final class DocumentNumbering {

    /** Issued documents by {@code <issuer>|<series>|<year>}. */
    public static final String BY_SERIES = BillingTopology.SERVICE + ".documents-by-series";
    /** DocumentNumbered by documentId. */
    public static final String NUMBERS = BillingTopology.SERVICE + ".document-numbers";
    /** {@code <issuer>|<series>|<year>} -> the last number of the series. */
    public static final String SERIES_STORE = "document-series";
    /** documentId -> its DocumentNumbered, in the numbering task (partitioned by series). */
    public static final String NUMBERED_STORE = "numbered-documents";
    /** documentId -> its DocumentNumbered, on every instance. */
    public static final String NUMBERS_STORE = "document-numbers";
    /**
     * documentId -> the event that issued a credit note or a reseller order's invoice, in the numbering task: the
     * documents no other store keeps as issued, served from here (D-111).
     */
    public static final String ISSUED_STORE = "issued-documents";

    static final String REKEY = "documents-by-series";
    static final String NUMBER = "document-numbering";
    static final String BY_SERIES_SINK = "documents-by-series-sink";
    static final String EVENTS_SINK = "document-numbers-events-sink";
    static final String NUMBERS_SINK = "document-numbers-sink";

    private DocumentNumbering() {
    }

    /** Adds numbering to billing's topology, whose global directory and price stores it reads. */
    public static void addTo(Topology topology, String issuerId, MeterRegistry registry) {
        // reseller order invoices are issued on resellers.events, every other document on billing.events
        String issued = DecodeOrDeadLetter.addSource(topology, Topics.BILLING_EVENTS, REKEY, registry);
        String ordered = DecodeOrDeadLetter.addSource(topology, Topics.RESELLERS_EVENTS, REKEY, registry);
        topology.addProcessor(REKEY, () -> new Rekey(issuerId), issued, ordered);
        topology.addSink(BY_SERIES_SINK, BY_SERIES, new StringSerializer(), new EventSerde(), REKEY);
        topology.addSource("source-" + BY_SERIES, new StringDeserializer(), new EventSerde(), BY_SERIES);
        topology.addProcessor(NUMBER, () -> new AssignNumber(issuerId, registry), "source-" + BY_SERIES);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SERIES_STORE),
                Serdes.String(), Serdes.Integer()), NUMBER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NUMBERED_STORE),
                Serdes.String(), new EventSerde()), NUMBER);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ISSUED_STORE),
                Serdes.String(), new EventSerde()), NUMBER);
        topology.addSink(EVENTS_SINK, Topics.BILLING_EVENTS, new StringSerializer(), new EventSerde(), NUMBER);
        topology.addSink(NUMBERS_SINK, NUMBERS, new StringSerializer(), new EventSerde(), NUMBER);
        ReferenceTable.addGlobalStoreOfOwnTopic(topology, NUMBERS, NUMBERS_STORE);
    }

    /**
     * The names a document's lines mention, as {@code DocumentNumbered.names} has them: {@code account:<id>} -> the
     * customer's name from the directory, {@code sku:<sku>} -> the product's from its price on either plan; an id
     * the reference data does not name is left out (printed as itself).
     */
    public static Map<String, String> names(ReadOnlyKeyValueStore<String, SpecificRecord> directory,
            ReadOnlyKeyValueStore<String, SpecificRecord> prices, Collection<String> accountIds,
            Collection<String> skus) {
        Map<String, String> names = new HashMap<>();
        for (String account : accountIds) {
            if (directory.get("account:" + account) instanceof BillingAccountRegistered registered) {
                names.put("account:" + account, registered.getCustomerName());
            }
        }
        for (String sku : skus) {
            for (BillingPlan plan : BillingPlan.values()) {
                if (prices.get("price:" + sku + ":" + plan) instanceof PriceListed listed
                        && listed.getProductName() != null) {
                    names.put("sku:" + sku, listed.getProductName());
                }
            }
        }
        return names;
    }

    /** The key of the task that numbered a document, and keeps it in {@value #ISSUED_STORE}: its series'. */
    public static String seriesKey(DocumentNumbered numbered) {
        return IssuedDocument.seriesKey(numbered.getIssuerId(), numbered.getSeries(), numbered.getYear());
    }

    /** An issued document, keyed by the series it is numbered in. */
    private static final class Rekey implements Processor<String, SpecificRecord, String, SpecificRecord> {
        private final String issuerId;
        private ProcessorContext<String, SpecificRecord> context;

        Rekey(String issuerId) {
            this.issuerId = issuerId;
        }

        @Override
        public void init(ProcessorContext<String, SpecificRecord> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, SpecificRecord> record) {
            IssuedDocuments.of(record.value()).ifPresent(document -> context.forward(
                    record.withKey(document.seriesKey(issuerId)), BY_SERIES_SINK));
        }
    }

    /** Numbers a series' documents in order, once each. */
    private static final class AssignNumber implements Processor<String, SpecificRecord, String, SpecificRecord> {
        private final String issuerId;
        private final Counter numberedCount;
        private ProcessorContext<String, SpecificRecord> context;
        private KeyValueStore<String, Integer> series;
        private KeyValueStore<String, SpecificRecord> numbered;
        private KeyValueStore<String, SpecificRecord> issued;
        private ReadOnlyKeyValueStore<String, SpecificRecord> directory;
        private ReadOnlyKeyValueStore<String, SpecificRecord> numbers;
        private ReadOnlyKeyValueStore<String, SpecificRecord> prices;

        AssignNumber(String issuerId, MeterRegistry registry) {
            this.issuerId = issuerId;
            this.numberedCount = registry.counter(MetricNames.OUTCOMES, "service", BillingTopology.SERVICE, "type",
                    DocumentNumbered.class.getSimpleName());
        }

        @Override
        public void init(ProcessorContext<String, SpecificRecord> context) {
            this.context = context;
            series = context.getStateStore(SERIES_STORE);
            numbered = context.getStateStore(NUMBERED_STORE);
            issued = context.getStateStore(ISSUED_STORE);
            directory = context.getStateStore(BillingTopology.DIRECTORY_STORE);
            numbers = context.getStateStore(NUMBERS_STORE);
            prices = context.getStateStore(BillingTopology.PRICES_STORE);
        }

        @Override
        public void process(Record<String, SpecificRecord> record) {
            IssuedDocument document = IssuedDocuments.of(record.value()).orElse(null);
            if (document == null || numbered.get(document.documentId()) != null) {
                return; // a replayed document keeps the number it has
            }
            String key = document.seriesKey(issuerId);
            Integer last = series.get(key);
            ResellerRegistered payer = directory.get("reseller:" + document.payerId()) instanceof ResellerRegistered r
                    ? r : null;
            DocumentNumbers.Numbered assigned = DocumentNumbers.next(document, issuerId, last == null ? 0 : last,
                    payer == null ? null : payer.getPaymentTermsDays());
            DocumentNumbered event = DocumentNumbered.newBuilder()
                    .setMeta(EventIds.causedBy(meta(record.value()), "DocumentNumbered", 0, Producer.BILLING))
                    .setDocumentId(document.documentId()).setDocumentType(document.type().name())
                    .setPayerId(document.payerId()).setIssuerId(issuerId).setSeries(document.type().series().name())
                    .setYear(document.issuedOn().getYear()).setSequence(assigned.sequence())
                    .setNumber(assigned.number()).setIssuedOn(document.issuedOn())
                    .setTermsDays(assigned.termsDays()).setDueOn(assigned.dueOn())
                    .setBillToAddress(payer == null ? List.of() : payer.getAddress())
                    .setNames(names(document)).build();
            series.put(key, assigned.sequence());
            numbered.put(document.documentId(), event);
            if (document.type() == DocumentType.CREDIT_NOTE || document.type() == DocumentType.ORDER_INVOICE) {
                issued.put(document.documentId(), record.value());
            }
            numberedCount.increment();
            context.forward(new Record<String, SpecificRecord>(document.payerId(), event, record.timestamp()),
                    EVENTS_SINK);
            context.forward(new Record<String, SpecificRecord>(document.documentId(), event, record.timestamp()),
                    NUMBERS_SINK);
        }

        /**
         * The customers and products the lines mention by name (a product's from its price on either plan), and the
         * number of the invoice a credit note corrects.
         */
        private Map<String, String> names(IssuedDocument document) {
            Map<String, String> names = new HashMap<>(DocumentNumbering.names(directory, prices,
                    document.accountIds(), document.skus()));
            if (document.creditedInvoiceId() != null
                    && numbers.get(document.creditedInvoiceId()) instanceof DocumentNumbered invoice) {
                names.put("invoice:" + document.creditedInvoiceId(), invoice.getNumber());
            }
            return names;
        }

        private static io.channelhub.common.event.EventMeta meta(SpecificRecord event) {
            return (io.channelhub.common.event.EventMeta) event.get(event.getSchema().getField("meta").pos());
        }
    }
}
