// A kafkajs producer: ApiVersions, Metadata, then one Produce request with two records.
const { Kafka, logLevel } = require("kafkajs");
const kafka = new Kafka({ clientId: "bufkit-capture", brokers: ["127.0.0.1:9092"], logLevel: logLevel.WARN });
(async () => {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const result = await producer.send({
    topic: "bufkit", acks: -1,
    messages: [{ key: "k1", value: "hello, kafka" }, { key: "k2", value: "second record", headers: { trace: "t-1" } }],
  });
  console.log(JSON.stringify(result));
  await producer.disconnect();
})().catch((e) => { console.error(e); process.exit(1); });
