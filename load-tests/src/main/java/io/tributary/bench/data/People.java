package io.tributary.bench.data;

import java.util.Locale;
import java.util.Random;

/** Users with real-looking names and unique e-mail addresses, the same for every run but for the run tag. */
public final class People {

    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Linus",
            "Katherine", "Dennis", "Frances", "Ken", "Radia", "Tim", "Hedy", "John", "Sophie", "Niklaus", "Anita", "Leslie"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton",
            "Torvalds", "Johnson", "Ritchie", "Allen", "Thompson", "Perlman", "Berners-Lee", "Lamarr", "Backus", "Wilson",
            "Wirth", "Borg", "Lamport"};

    private People() {
    }

    public static String userJson(int index, String runTag) {
        Random random = new Random(index * 104729L + 3);
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        return """
                {"name":"%s %s","email":"%s.%s.%d@%s.example.com"}""".formatted(first, last,
                first.toLowerCase(Locale.ROOT), last.toLowerCase(Locale.ROOT), index, runTag);
    }
}
