package vn.baovetreem.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Children registered through the API by the Yên Phúc officer, for tests of the features that refer to them. */
public final class TestChildren {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 90_000) + 10_000);

    private TestChildren() {
    }

    /** A boy born on {@code born} in {@code village}, with a unique name containing {@code word}. */
    public static UUID register(String village, String born, String word) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Nông Văn " + word + " " + SERIAL.incrementAndGet());
        body.put("dateOfBirth", born);
        body.put("sex", "MALE");
        body.put("villageCode", village);
        if (born.compareTo("2010") < 0) {
            body.put("continuingSupportReason", "Vocational training");
        }
        String id = Api.as("commune.yenphuc").contentType("application/json").body(body).post("/api/v1/children")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }
}
