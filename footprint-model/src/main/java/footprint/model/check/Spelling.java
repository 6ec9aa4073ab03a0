package footprint.model.check;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the word a planner probably meant, for "did you mean" hints. The work is bounded: a word
 * longer than {@link #LONGEST_WORD} gets no hint, a candidate whose length differs by more than
 * the edits allowed is skipped, and each distance stops as soon as it exceeds them, so one hint
 * costs about (candidates x word length x edits allowed), never (word length squared).
 */
public final class Spelling {
    /** Words longer than this are not misspellings of an id or field; no hint is looked for. */
    public static final int LONGEST_WORD = 64;

    private Spelling() {}

    /** The closest candidate within a small edit distance, if any. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        if (word.length() > LONGEST_WORD) {
            return Optional.empty();
        }
        String w = word.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, w.length() / 3);
        String best = null;
        int bestDistance = allowed + 1;
        for (String c : candidates) {
            if (Math.abs(c.length() - w.length()) >= bestDistance) {
                continue;
            }
            int d = boundedDistance(w, c.toLowerCase(Locale.ROOT), bestDistance - 1);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The hint appended to a message: {@code " Did you mean 'capacity'?"} or nothing. */
    public static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> " Did you mean '" + c + "'?").orElse("");
    }

    /** Levenshtein distance, with a transposition counted as one edit. */
    static int distance(String a, String b) {
        return boundedDistance(a, b, Math.max(a.length(), b.length()));
    }

    /**
     * The distance of {@link #distance}, or any number above {@code limit} once it is certain to
     * exceed it. Three rows of the table, so memory is linear in the shorter word's length.
     */
    static int boundedDistance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] before = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] oldest = before;
            before = previous;
            previous = current;
            current = oldest;
        }
        return previous[b.length()];
    }
}
