package dev.userbench.bench.workload;

import java.util.SplittableRandom;

/**
 * YCSB's scrambled zipfian key chooser: ranks drawn from a zipfian distribution with constant
 * {@code theta} (Gray et al., "Quickly generating billion-record synthetic databases", SIGMOD 1994,
 * as YCSB's {@code ZipfianGenerator} implements it), then each rank hashed with 64-bit FNV-1a and
 * taken modulo the user count, as YCSB's {@code ScrambledZipfianGenerator} does, so that the hot users
 * are spread over the key space instead of being the first indices (which would sit together in the
 * same pages and flatter a B-tree).
 *
 * <p>One difference from YCSB: YCSB draws ranks over a fixed 10^10 items (with a precomputed zeta for
 * 0.99 only) and folds them onto the key space; this draws over exactly the user count, so any
 * constant works and the skew is the one the constant names for that many users.
 */
public final class ScrambledZipfian implements KeyChooser {

    /** YCSB's default zipfian constant. */
    public static final double DEFAULT_CONSTANT = 0.99;

    private static final long FNV_OFFSET_BASIS_64 = 0xCBF29CE484222325L;
    private static final long FNV_PRIME_64 = 1099511628211L;

    private final long items;
    private final double theta;
    private final double zetaN;
    private final double alpha;
    private final double eta;
    private final double secondThreshold;

    public ScrambledZipfian(long items, double theta) {
        if (items < 1) {
            throw new IllegalArgumentException("there must be at least one user to pick, got " + items);
        }
        // the generator's closed form divides by 1 - theta, and theta <= 0 is no skew at all
        if (!(theta > 0 && theta < 1)) {
            throw new IllegalArgumentException("--zipf-constant must be above 0 and below 1 (YCSB uses 0.99), got " + theta);
        }
        this.items = items;
        this.theta = theta;
        this.zetaN = zeta(items, theta);
        double zeta2 = zeta(2, theta);
        this.alpha = 1.0 / (1.0 - theta);
        this.eta = (1 - Math.pow(2.0 / items, 1 - theta)) / (1 - zeta2 / zetaN);
        this.secondThreshold = 1.0 + Math.pow(0.5, theta);
    }

    @Override
    public long items() {
        return items;
    }

    public double theta() {
        return theta;
    }

    @Override
    public long next(SplittableRandom random) {
        return Long.remainderUnsigned(fnv1a64(rank(random)), items);
    }

    /** A zipfian rank, 0 the most popular, before scrambling. */
    long rank(SplittableRandom random) {
        double u = random.nextDouble();
        double uz = u * zetaN;
        if (uz < 1.0) {
            return 0;
        }
        if (uz < secondThreshold) {
            return Math.min(1, items - 1);
        }
        long rank = (long) (items * Math.pow(eta * u - eta + 1, alpha));
        return Math.min(rank, items - 1);
    }

    static double zeta(long n, double theta) {
        double sum = 0;
        for (long i = 1; i <= n; i++) {
            sum += 1 / Math.pow(i, theta);
        }
        return sum;
    }

    /** FNV-1a over the value's eight bytes, low byte first, as YCSB's {@code Utils.fnvhash64}. */
    static long fnv1a64(long value) {
        long hash = FNV_OFFSET_BASIS_64;
        long rest = value;
        for (int i = 0; i < 8; i++) {
            hash ^= rest & 0xFF;
            hash *= FNV_PRIME_64;
            rest >>>= 8;
        }
        return hash;
    }
}
