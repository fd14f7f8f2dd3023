const { Kafka, logLevel } = require("kafkajs");
const kafka = new Kafka({ clientId: "bufkit-admin", brokers: ["127.0.0.1:9092"], logLevel: logLevel.WARN });
(async () => {
  const admin = kafka.admin(); await admin.connect();
  await admin.createTopics({ topics: [{ topic: "bufkit", numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  console.log(await admin.listTopics()); await admin.disconnect();
})().catch((e) => { console.error(e); process.exit(1); });
