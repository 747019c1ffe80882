package org.camrin.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMongoTest {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsDocumentsAcrossRestart() {
        int port = Ports.findFree();
        Path dataFile = dataDirectory.resolve("nested/camrin.mv");

        try (LocalMongo mongo = LocalMongo.start(port, dataFile);
             MongoClient client = MongoClients.create(mongo.connectionString("camrin"))) {
            MongoCollection<Document> trusts = client.getDatabase("camrin").getCollection("trusts");
            trusts.insertOne(new Document("_id", "REM").append("name", "restart check"));

            Document found = trusts.find(Filters.eq("_id", "REM")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("restart check");
        }
        assertThat(dataFile).exists();

        try (LocalMongo mongo = LocalMongo.start(port, dataFile);
             MongoClient client = MongoClients.create(mongo.connectionString("camrin"))) {
            Document found = client.getDatabase("camrin").getCollection("trusts")
                    .find(Filters.eq("_id", "REM")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("restart check");
        }
    }

    @Test
    void rejectsPortInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> LocalMongo.start(port, dataDirectory.resolve("camrin.mv")))
                    .isInstanceOf(StackStartException.class)
                    .hasMessageContaining("Port " + port)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void rejectsFileThatIsNotAnH2Store() throws IOException {
        Path notAStore = Files.writeString(dataDirectory.resolve("camrin.mv"), "plain text, not H2");

        assertThatThrownBy(() -> LocalMongo.start(Ports.findFree(), notAStore))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("cannot be opened");
    }
}
