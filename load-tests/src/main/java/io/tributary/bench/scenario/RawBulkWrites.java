package io.tributary.bench.scenario;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.tributary.bench.data.People;
import io.tributary.bench.system.Api;
import org.bson.Document;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The catch-up's baselines: the same kind of documents written in bulk straight into the same stores (MongoDB
 * {@code insertMany}, Elasticsearch {@code _bulk}), and mails sent straight to the same SMTP server over one
 * connection. Scratch collections and indices are dropped afterwards.
 */
final class RawBulkWrites {

    private static final int BATCH = 1_000;

    private final Api api;

    RawBulkWrites(Api api) {
        this.api = api;
    }

    /** Documents per second. */
    double mongoInsertMany(String mongoUri, int documents) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> collection = client.getDatabase("bench_baseline").getCollection("users_raw");
            collection.drop();
            long started = System.nanoTime();
            List<Document> batch = new ArrayList<>(BATCH);
            for (int index = 0; index < documents; index++) {
                batch.add(Document.parse(People.userJson(index, "raw")).append("_id", UUID.randomUUID().toString())
                        .append("registeredAt", Instant.now().toString()).append("version", 1L));
                if (batch.size() == BATCH || index == documents - 1) {
                    collection.insertMany(batch);
                    batch.clear();
                }
            }
            double rate = documents / ((System.nanoTime() - started) / 1e9);
            collection.drop();
            return rate;
        }
    }

    /** Documents per second, refresh at the end included. */
    double elasticsearchBulk(String elasticsearchUrl, int documents) {
        String index = elasticsearchUrl + "/bench-baseline-users";
        api.delete(index);
        long started = System.nanoTime();
        StringBuilder bulk = new StringBuilder();
        for (int document = 0; document < documents; document++) {
            bulk.append("{\"index\":{\"_id\":\"").append(UUID.randomUUID()).append("\",\"version\":1,\"version_type\":\"external\"}}\n")
                    .append(People.userJson(document, "raw"), 0, People.userJson(document, "raw").length() - 1)
                    .append(",\"registeredAt\":\"").append(Instant.now()).append("\",\"version\":1}\n");
            if ((document + 1) % BATCH == 0 || document == documents - 1) {
                Api.Answer answer = api.postNdjson(index + "/_bulk", bulk.toString()).orThrow("Elasticsearch _bulk");
                if (answer.json().path("errors").asBoolean()) {
                    throw new IllegalStateException("Elasticsearch _bulk reported errors: " + answer.body().substring(0, 500));
                }
                bulk.setLength(0);
            }
        }
        api.post(index + "/_refresh", "").orThrow("Elasticsearch _refresh");
        double rate = documents / ((System.nanoTime() - started) / 1e9);
        api.delete(index);
        return rate;
    }

    /** Mails per second over one SMTP connection, each its own MAIL/RCPT/DATA transaction. */
    double smtpSend(String smtpServer, int mails) {
        int colon = smtpServer.lastIndexOf(':');
        try (Socket socket = new Socket(smtpServer.substring(0, colon), Integer.parseInt(smtpServer.substring(colon + 1)))) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            expect(in, "220");
            command(in, out, "HELO bench.example.com", "250");
            long started = System.nanoTime();
            for (int mail = 0; mail < mails; mail++) {
                command(in, out, "MAIL FROM:<shop@bench.example.com>", "250");
                command(in, out, "RCPT TO:<user" + mail + "@bench.example.com>", "250");
                command(in, out, "DATA", "354");
                command(in, out, "From: shop@bench.example.com\r\nTo: user" + mail + "@bench.example.com\r\n"
                        + "Subject: Baseline mail " + mail + "\r\n\r\nWelcome to the shop.\r\n.", "250");
            }
            double rate = mails / ((System.nanoTime() - started) / 1e9);
            command(in, out, "QUIT", "221");
            return rate;
        } catch (IOException e) {
            throw new IllegalStateException("SMTP baseline failed: " + e.getMessage(), e);
        }
    }

    private static void command(BufferedReader in, Writer out, String line, String expected) throws IOException {
        out.write(line + "\r\n");
        out.flush();
        expect(in, expected);
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("SMTP server closed the connection");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(code)) {
            throw new IOException("SMTP server answered " + line + ", expected " + code);
        }
    }
}
