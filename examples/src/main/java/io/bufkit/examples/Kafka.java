package io.bufkit.examples;

import io.bufkit.Bytes;
import io.bufkit.message.MessageCodec;
import java.util.List;
import java.util.Optional;

/**
 * The Metadata v12 and Produce v7 requests of {@link KafkaMessage} as records, each with a
 * {@link MessageCodec}. Sizes, lengths, counts and the record batch's CRC-32C are computed when encoding, so
 * the records leave them out; nullable strings and arrays are {@code Optional}s. Byte parts are owned copies.
 */
public final class Kafka {
    private Kafka() {
    }

    /**
     * Decodes Metadata v12 requests ({@link KafkaMessage#METADATA_REQUEST}) and encodes them back; decodes
     * through the generated {@link KafkaMetadataDecoder}.
     */
    public static final MessageCodec<MetadataRequest> METADATA =
            MessageCodec.of(KafkaMessage.METADATA_REQUEST, MetadataRequest.class)
                    .withDecoder(new KafkaMetadataDecoder());

    /**
     * Decodes Produce v7 requests ({@link KafkaMessage#PRODUCE_REQUEST_V7}) and encodes them back; decodes
     * through the generated {@link KafkaProduceDecoder}.
     */
    public static final MessageCodec<ProduceRequest> PRODUCE =
            MessageCodec.of(KafkaMessage.PRODUCE_REQUEST_V7, ProduceRequest.class)
                    .withDecoder(new KafkaProduceDecoder());

    /**
     * Tagged fields.
     *
     * @param fields each field, in order
     */
    public record Tags(List<TaggedField> fields) {
    }

    /**
     * One tagged field.
     *
     * @param tag the tag
     * @param data the field's data, owned
     */
    public record TaggedField(int tag, Bytes data) {
    }

    /**
     * Request header v2, of flexible requests.
     *
     * @param apiKey the API key, such as 3 for Metadata
     * @param apiVersion the API version
     * @param correlationId the id the response carries back
     * @param clientId the client id, empty for NULL
     * @param tags the header's tagged fields
     */
    public record HeaderV2(int apiKey, int apiVersion, int correlationId, Optional<String> clientId, Tags tags) {
    }

    /**
     * Request header v1, of non-flexible requests.
     *
     * @param apiKey the API key, such as 0 for Produce
     * @param apiVersion the API version
     * @param correlationId the id the response carries back
     * @param clientId the client id, empty for NULL
     */
    public record HeaderV1(int apiKey, int apiVersion, int correlationId, Optional<String> clientId) {
    }

    /**
     * A Metadata v12 request.
     *
     * @param header the request header
     * @param topics the topics asked for; empty (NULL) for every topic, an empty list for none
     * @param flags whether to create topics and include authorized operations
     * @param tags the body's tagged fields
     */
    public record MetadataRequest(HeaderV2 header, Optional<List<Topic>> topics, MetadataFlags flags, Tags tags) {
    }

    /**
     * A topic of a Metadata request.
     *
     * @param id the topic id
     * @param name the topic name, empty for NULL (a topic named by its id alone)
     * @param tags the topic's tagged fields
     */
    public record Topic(TopicId id, Optional<String> name, Tags tags) {
    }

    /**
     * A topic id.
     *
     * @param topicId the 16-byte UUID, owned; all zeros when the topic is named
     */
    public record TopicId(Bytes topicId) {
    }

    /**
     * The Metadata request's flags.
     *
     * @param allowAutoTopicCreation 1 to create missing topics
     * @param includeTopicAuthorizedOperations 1 to include each topic's authorized operations
     */
    public record MetadataFlags(int allowAutoTopicCreation, int includeTopicAuthorizedOperations) {
    }

    /**
     * A Produce v7 request.
     *
     * @param header the request header
     * @param transactionalId the transactional id, empty for NULL
     * @param produce the acks and timeout
     * @param topics the topics produced to
     */
    public record ProduceRequest(HeaderV1 header, Optional<String> transactionalId, Produce produce,
            List<ProduceTopic> topics) {
    }

    /**
     * Produce's acknowledgement settings.
     *
     * @param acks the acknowledgements required: 0, 1, or -1 for all in-sync replicas
     * @param timeoutMs how long to wait for them
     */
    public record Produce(int acks, int timeoutMs) {
    }

    /**
     * A topic of a Produce request.
     *
     * @param name the topic name
     * @param partitions its partitions
     */
    public record ProduceTopic(String name, List<Partition> partitions) {
    }

    /**
     * A partition of a Produce request.
     *
     * @param index the partition index
     * @param records its record batch
     */
    public record Partition(int index, RecordBatch records) {
    }

    /**
     * A record batch, magic 2.
     *
     * @param offsets the base offset (the batch length is computed)
     * @param head the leader epoch and magic (the CRC-32C is computed)
     * @param attrs the attributes up to the record count
     * @param records the records, undecoded, owned
     */
    public record RecordBatch(Offsets offsets, Head head, Attrs attrs, Bytes records) {
    }

    /**
     * A record batch's base offset.
     *
     * @param baseOffset the offset of the batch's first record; 0 in a Produce request
     */
    public record Offsets(long baseOffset) {
    }

    /**
     * A record batch's leader epoch and magic byte.
     *
     * @param partitionLeaderEpoch the partition leader epoch
     * @param magic 2
     */
    public record Head(int partitionLeaderEpoch, int magic) {
    }

    /**
     * The part of a record batch that its CRC-32C covers, before the records.
     *
     * @param attributes compression, timestamp type, transactional and control bits
     * @param lastOffsetDelta the offset delta of the last record
     * @param baseTimestamp the first record's timestamp
     * @param maxTimestamp the largest timestamp of the batch
     * @param producerId the producer id, -1 if none
     * @param producerEpoch the producer epoch, -1 if none
     * @param baseSequence the first record's sequence number, -1 if none
     * @param recordCount the number of records
     */
    public record Attrs(int attributes, int lastOffsetDelta, long baseTimestamp, long maxTimestamp, long producerId,
            int producerEpoch, int baseSequence, int recordCount) {
    }
}
