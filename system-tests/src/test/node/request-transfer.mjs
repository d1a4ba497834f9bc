// An upstream system's client, written with standard tools only: kafkajs and the Confluent-format schema
// registry client. It asks Channel Hub for a transfer and reads the answer back, as a partner's system would.
//
//   node request-transfer.mjs <bootstrap> <registry-url> <entitlement> <from-account> <to-account> <offer>
//
// Prints one JSON line for what it published and one for the TransferOpened it read back.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';

const [bootstrap, registryUrl, entitlementId, from, to, offerId] = process.argv.slice(2);
// however far it gets, it ends: a test waits for it
setTimeout(() => {
  console.error(`no TransferOpened for ${entitlementId} within 90 s`);
  process.exit(2);
}, 90_000).unref();
const step = (what) => console.error(`${new Date().toISOString()} ${what}`);
const kafka = new Kafka({ clientId: 'upstream-node', brokers: bootstrap.split(','), logLevel: logLevel.WARN });
const registry = new SchemaRegistry({ host: registryUrl });

// The writer schema is Channel Hub's, registered under its record name (the subject strategy).
step('asking the registry for the schema');
const requestId = await registry.getLatestSchemaId('io.channelhub.transfer.event.TransferRequested');
const request = {
  meta: { eventId: randomUUID(), causationId: null, correlationId: null, occurredAt: Date.now(),
    producer: 'upstream-node' },
  customerCompanyName: 'Node Customer',
  entitlementId,
  offerId,
  currentBillingAccountId: from,
  targetBillingAccountId: to,
  contactName: 'Noa',
  contactEmail: 'noa@node-isv.example',
  kind: null,
};
step(`publishing with schema id ${requestId}`);
const producer = kafka.producer({ idempotent: true });
await producer.connect();
await producer.send({ topic: 'transfers.commands', acks: -1,
  messages: [{ key: entitlementId, value: await registry.encode(requestId, request) }] });
await producer.disconnect();
console.log(JSON.stringify({ published: 'TransferRequested', schemaId: requestId, eventId: request.meta.eventId }));

// The outcome: transfer-service answers on transfers.events under the same key.
step('published; reading transfers.events');
const consumer = kafka.consumer({ groupId: `upstream-node-${randomUUID()}` });
await consumer.connect();
await consumer.subscribe({ topic: 'transfers.events', fromBeginning: true });
step('subscribed');
await consumer.run({
  eachMessage: async ({ message }) => {
    if (message.key?.toString() !== entitlementId) {
      return;
    }
    const schemaId = message.value.readInt32BE(1);
    const type = (await registry.getSchema(schemaId)).name;
    const event = await registry.decode(message.value);
    if (type.endsWith('.TransferOpened')) {
      console.log(JSON.stringify({ read: type, magicByte: message.value[0], schemaId,
        transferId: event.details.transferId, entitlementId: event.details.entitlementId,
        kind: event.details.kind, parties: event.details.parties.map((party) => party.email),
        causationId: event.meta.causationId }));
      // not consumer.disconnect(): from inside eachMessage it waits for this very handler and never returns
      process.exit(0);
    }
  },
});
