import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop load generator for the API (no wrk needed, only the JDK): {@code connections}
 * clients, each sending its next GET as soon as the last answered, for {@code seconds}, to URLs
 * drawn at random from a file (one path per line, after the API's base URL). The bearer token is
 * fetched for {@code user} and renewed every minute (the demo realm's tokens live 300 s). Prints
 * one line as the benchmark's wrk script does: requests per second, median, p99 and slowest
 * latency, how many answers were not 200, and the p99 of the answers themselves. Like wrk, the
 * first three are corrected for coordinated omission ({@link #corrected}). The first
 * {@code warmup} seconds are not counted.
 *
 * <p>With a {@code suffix} and a JSON {@code body}, each client instead takes one path of the file
 * as its own record, reads its ETag, and POSTs {@code body} to the path plus {@code suffix} again
 * and again with {@code If-Match}, taking the new ETag from each answer (a case's transitions).
 *
 * <p>{@code java scripts/bench/Load.java <base-url> <token-url> <user> <password> <url-file> <connections> <seconds> <warmup> [suffix body]}
 */
public class Load {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String tokenUrl = args[1];
        String user = args[2];
        String password = args[3];
        List<String> paths = Files.readAllLines(Path.of(args[4])).stream().filter(l -> !l.isBlank()).toList();
        int connections = Integer.parseInt(args[5]);
        long seconds = Long.parseLong(args[6]);
        long warmup = Long.parseLong(args[7]);
        String[] post = args.length > 9 ? new String[] {args[8], args[9]} : null;

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        AtomicReference<String> token = new AtomicReference<>(token(http, tokenUrl, user, password));
        long start = System.nanoTime();
        long countFrom = start + warmup * 1_000_000_000L;
        long end = countFrom + seconds * 1_000_000_000L;

        Thread renew = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(60_000);
                    token.set(token(http, tokenUrl, user, password));
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    System.err.println("token renewal failed: " + e);
                }
            }
        });
        renew.setDaemon(true);
        renew.start();

        List<Samples> latencies = new ArrayList<>();
        Thread[] clients = new Thread[connections];
        for (int i = 0; i < connections; i++) {
            Samples mine = new Samples();
            latencies.add(mine);
            String own = paths.get(i % paths.size());
            clients[i] = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                String etag = post == null ? null : etagOf(http, base + own, token.get());
                while (true) {
                    long sent = System.nanoTime();
                    if (sent >= end) {
                        return;
                    }
                    int status;
                    try {
                        HttpRequest.Builder request;
                        if (post == null) {
                            request = HttpRequest.newBuilder(URI.create(base + paths.get(random.nextInt(paths.size())))).GET();
                        } else {
                            request = HttpRequest.newBuilder(URI.create(base + own + post[0])).header("If-Match", etag)
                                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(post[1]));
                        }
                        HttpResponse<Void> response = http.send(request.timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token.get()).build(), HttpResponse.BodyHandlers.discarding());
                        status = response.statusCode();
                        etag = response.headers().firstValue("ETag").orElse(etag);
                    } catch (Exception e) {
                        status = -1;
                    }
                    long answered = System.nanoTime();
                    if (sent >= countFrom) {
                        mine.add(answered - sent, status == 200);
                    }
                }
            });
            clients[i].start();
        }
        for (Thread client : clients) {
            client.join();
        }
        renew.interrupt();

        long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l.values, 0, l.count)).sorted().toArray();
        long[] corrected = corrected(all, seconds, connections);
        System.out.printf("%.0f req/s  median %.1f ms  p99 %.1f ms  max %.1f ms  non-200 %d  answered-p99 %.1f ms%n",
                all.length / (double) seconds, ms(corrected, 0.5), ms(corrected, 0.99), ms(corrected, 1.0),
                latencies.stream().mapToInt(l -> l.failures).sum(), ms(all, 0.99));
    }

    /**
     * The latencies, in nanoseconds and sorted, with those wrk adds for coordinated omission: with
     * {@code interval} a connection's mean time per request, an answer that took {@code n >= 2 *
     * interval} also counts at {@code n - interval}, {@code n - 2 * interval} and so on while above
     * {@code interval}, the answers a client sending at that rate would have waited for meanwhile
     * (wrk's {@code stats_correct}).
     */
    static long[] corrected(long[] sorted, long seconds, int connections) {
        if (sorted.length < connections) {
            return sorted;
        }
        long interval = seconds * 1_000_000_000L / (sorted.length / connections);
        long[] out = Arrays.copyOf(sorted, sorted.length);
        int count = sorted.length;
        for (long n : sorted) {
            for (long m = n - interval; n >= 2 * interval && m > interval; m -= interval) {
                if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count++] = m;
            }
        }
        out = Arrays.copyOf(out, count);
        Arrays.sort(out);
        return out;
    }

    /** One client's latencies, in nanoseconds, and how many answers were not 200. */
    private static final class Samples {
        long[] values = new long[1 << 14];
        int count;
        int failures;

        void add(long latency, boolean ok) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = latency;
            if (!ok) {
                failures++;
            }
        }
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static String etagOf(HttpClient http, String url, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException("no ETag for " + url, e);
        }
    }

    private static String token(HttpClient http, String url, String user, String password) throws Exception {
        String form = "grant_type=password&client_id=cp-test&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        String body = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token for " + user + ": " + body);
        }
        return m.group(1);
    }
}
