package org.camrin.pathway.feed.consumer;

import java.io.FileInputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Example consumer of the Cancer Alliance feed {@code camrin.pathway.events}. It prints each
 * record as one JSON line (partition, offset, key and the event) to standard output or appends it
 * to a file, and commits its offsets after writing, so a restart carries on where it stopped.
 *
 * <pre>
 * java -cp pathway-feed-consumer.jar:kafka-clients.jar:... org.camrin.pathway.feed.consumer.PathwayFeedConsumer \
 *     --bootstrap-servers localhost:9092 --group cancer-alliance-analyst [--from-beginning] \
 *     [--output feed.jsonl] [--consumer-config sasl.properties]
 * </pre>
 *
 * {@code --from-beginning} rereads the whole topic; without it the group's committed offsets
 * apply, and a new group starts at the earliest record. {@code --consumer-config} adds Kafka
 * client properties, such as the SASL/OAUTHBEARER settings for a production broker.
 */
public final class PathwayFeedConsumer {

    public static final String TOPIC = "camrin.pathway.events";

    private final Properties config;
    private final boolean fromBeginning;

    public PathwayFeedConsumer(Properties config, boolean fromBeginning) {
        this.config = config;
        this.fromBeginning = fromBeginning;
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        PathwayFeedConsumer consumer = new PathwayFeedConsumer(options.kafkaConfig(), options.fromBeginning);
        try (Writer writer = options.output == null
                ? new PrintWriter(System.out, true, StandardCharsets.UTF_8)
                : new FileWriter(options.output, StandardCharsets.UTF_8, true)) {
            Thread main = Thread.currentThread();
            AtomicBoolean stopping = new AtomicBoolean();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopping.set(true);
                try {
                    main.join(10_000);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }, "feed-consumer-stop"));
            long written = consumer.consume(writer, stopping::get);
            System.err.println("Stopped after writing " + written + " records");
        }
    }

    /**
     * Reads the feed until {@code stop} returns true, writing one JSON line per record and
     * committing offsets after each batch is written.
     *
     * @return the number of records written
     */
    public long consume(Writer out, BooleanSupplier stop) throws IOException {
        long written = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {
                private boolean rewound;

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // Rewind once, on the first assignment, so a rebalance later does not reread everything.
                    if (fromBeginning && !rewound) {
                        consumer.seekToBeginning(partitions);
                        rewound = true;
                    }
                }
            });
            while (!stop.getAsBoolean()) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> record : records) {
                    out.write("{\"partition\":" + record.partition() + ",\"offset\":" + record.offset()
                            + ",\"key\":" + quote(record.key()) + ",\"event\":" + record.value() + "}\n");
                    written++;
                }
                out.flush();
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        }
        return written;
    }

    /** Kafka consumer settings for the feed: string records, manual commits, earliest start for a new group. */
    public static Properties kafkaConfig(String bootstrapServers, String groupId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return config;
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Command-line options. */
    private record Options(String bootstrapServers, String group, boolean fromBeginning, String output,
            String consumerConfig) {

        static Options parse(String[] args) {
            String bootstrap = "localhost:9092";
            String group = "cancer-alliance-feed";
            boolean beginning = false;
            String output = null;
            String extra = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--bootstrap-servers" -> bootstrap = value(args, ++i);
                    case "--group" -> group = value(args, ++i);
                    case "--from-beginning" -> beginning = true;
                    case "--output" -> output = value(args, ++i);
                    case "--consumer-config" -> extra = value(args, ++i);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + ". Options: "
                            + "--bootstrap-servers HOST:PORT, --group ID, --from-beginning, --output FILE, "
                            + "--consumer-config FILE");
                }
            }
            return new Options(bootstrap, group, beginning, output, extra);
        }

        private static String value(String[] args, int index) {
            if (index >= args.length) {
                throw new IllegalArgumentException("Option " + args[index - 1] + " needs a value");
            }
            return args[index];
        }

        Properties kafkaConfig() throws IOException {
            Properties config = PathwayFeedConsumer.kafkaConfig(bootstrapServers, group);
            if (consumerConfig != null) {
                try (InputStream in = new FileInputStream(consumerConfig)) {
                    config.load(in);
                }
            }
            return config;
        }
    }
}
