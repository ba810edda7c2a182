package dev.userbench.seed;

import dev.userbench.model.User;
import dev.userbench.model.UserRole;
import net.datafaker.Faker;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Fake users, the same for a seed on every run, engine and thread count: user {@code i} is a pure
 * function of (seed, i). Datafaker fills pools of names, cities, phone numbers and sentences once
 * per generator; each user then draws from them with its own random stream, which is what makes
 * a user cheap (the slowest Datafaker calls take ~20 µs each) and memory constant in the user count.
 * Emails are unique by construction: they carry the user's index.
 */
public final class UserGenerator {

    /** The study drew dates "this year"; a fixed year makes a seed mean the same data on any day. */
    public static final int YEAR = 2025;
    /** The study's bio was {@code fake.text()}: at most 200 characters of sentences. */
    public static final int DEFAULT_BIO_CHARS = 200;
    public static final long DEFAULT_SEED = 42L;

    private static final long YEAR_START = ZonedDateTime.of(YEAR, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toEpochSecond();
    private static final long YEAR_SECONDS =
            ZonedDateTime.of(YEAR + 1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toEpochSecond() - YEAR_START;
    private static final UserRole[] ROLES = UserRole.values();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int[] IMAGE_SIZES = {64, 128, 200, 256, 300, 400, 480, 512, 640, 800, 1024};

    private final long seed;
    private final int bioChars;
    private final String[] firstNames;
    private final String[] lastNames;
    private final String[] emailFirst;
    private final String[] emailLast;
    private final String[] cities;
    private final String[] phones;
    private final String[] sentences;
    private final String[] domains;

    public UserGenerator(long seed) {
        this(seed, DEFAULT_BIO_CHARS);
    }

    public UserGenerator(long seed, int bioChars) {
        if (bioChars < 1) {
            throw new IllegalArgumentException("the bio needs at least 1 character, got " + bioChars);
        }
        this.seed = seed;
        this.bioChars = bioChars;
        Faker faker = new Faker(Locale.US, new Random(seed));
        firstNames = pool(1024, () -> faker.name().firstName());
        lastNames = pool(1024, () -> faker.name().lastName());
        cities = pool(512, () -> faker.address().city());
        phones = pool(1024, () -> faker.phoneNumber().phoneNumber());
        sentences = pool(2048, () -> faker.lorem().sentence());
        domains = pool(64, () -> faker.internet().domainName());
        emailFirst = emailParts(firstNames);
        emailLast = emailParts(lastNames);
    }

    public long seed() {
        return seed;
    }

    public int bioChars() {
        return bioChars;
    }

    /** The user at this index; the same for the same seed wherever and whenever it is asked. */
    public User user(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("a user index is 0 or more, got " + index);
        }
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        UUID uid = new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        int first = random.nextInt(firstNames.length);
        int last = random.nextInt(lastNames.length);
        String email = emailFirst[first] + '.' + emailLast[last] + '.' + Long.toString(index, 36)
                + '@' + domains[random.nextInt(domains.length)];
        String passwordHash = sha256Hex(random);
        UserRole role = ROLES[random.nextInt(ROLES.length)];
        boolean verified = random.nextBoolean();
        String name = firstNames[first] + ' ' + lastNames[last];
        String phone = phone(random);
        String location = cities[random.nextInt(cities.length)];
        String bio = bio(random);
        String image = "https://picsum.photos/seed/" + Long.toHexString(random.nextLong()) + '/'
                + IMAGE_SIZES[random.nextInt(IMAGE_SIZES.length)] + '/' + IMAGE_SIZES[random.nextInt(IMAGE_SIZES.length)];
        long created = YEAR_START + random.nextLong(YEAR_SECONDS);
        long lastActive = created + random.nextLong(YEAR_START + YEAR_SECONDS - created);
        return new User(uid, email, passwordHash, role, verified, name, phone, location, bio, image,
                Instant.ofEpochSecond(created), Instant.ofEpochSecond(lastActive));
    }

    /** Users {@code 0 .. count-1}, generated as they are consumed. */
    public Iterator<User> iterator(long count) {
        return iterator(0, count);
    }

    /** Users {@code from .. to-1}. */
    public Iterator<User> iterator(long from, long to) {
        return new Iterator<>() {
            private long next = from;

            @Override
            public boolean hasNext() {
                return next < to;
            }

            @Override
            public User next() {
                if (next >= to) {
                    throw new NoSuchElementException();
                }
                return user(next++);
            }
        };
    }

    public Stream<User> stream(long count) {
        return StreamSupport.stream(Spliterators.spliterator(iterator(count), count,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED), false);
    }

    private String phone(SplittableRandom random) {
        // a Datafaker number with its last four digits redrawn: ten thousand times the variety, same formats
        char[] chars = phones[random.nextInt(phones.length)].toCharArray();
        int redrawn = 0;
        for (int i = chars.length - 1; i >= 0 && redrawn < 4; i--) {
            if (Character.isDigit(chars[i])) {
                chars[i] = (char) ('0' + random.nextInt(10));
                redrawn++;
            }
        }
        return new String(chars);
    }

    private String bio(SplittableRandom random) {
        StringBuilder bio = new StringBuilder(Math.min(bioChars, 4096) + 64);
        int target = bioChars <= 20 ? bioChars : bioChars / 2 + random.nextInt(bioChars / 2 + 1);
        while (bio.length() < target) {
            String sentence = sentences[random.nextInt(sentences.length)];
            if (bio.length() > 0) {
                if (bio.length() + 1 + sentence.length() > bioChars) {
                    break;
                }
                bio.append(' ');
            }
            bio.append(sentence);
        }
        if (bio.length() > bioChars) {
            bio.setLength(bioChars);
        }
        return bio.toString();
    }

    private static String sha256Hex(SplittableRandom random) {
        // the study's fake.sha256() is the hex digest of random bytes: 64 random hex digits are the same thing
        char[] hex = new char[64];
        for (int word = 0; word < 4; word++) {
            long bits = random.nextLong();
            for (int i = 0; i < 16; i++) {
                hex[word * 16 + i] = HEX[(int) (bits >>> (60 - 4 * i)) & 0xF];
            }
        }
        return new String(hex);
    }

    private static String[] pool(int size, java.util.function.Supplier<String> source) {
        String[] values = new String[size];
        for (int i = 0; i < size; i++) {
            values[i] = source.get();
        }
        return values;
    }

    private static String[] emailParts(String[] names) {
        String[] parts = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            String letters = names[i].toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            parts[i] = letters.isEmpty() ? "user" : letters;
        }
        return parts;
    }

    /** SplitMix64's finaliser over (seed, index): neighbouring indices get unrelated streams. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + (index + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
