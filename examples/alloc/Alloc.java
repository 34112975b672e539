// The allocation workload of examples/alloc, in Java: 10 rounds that each build 100,000 small records and drop
// them, keeping every tenth alive to the end (100,000 records kept of 1,000,000 built).
import java.util.ArrayList;
import java.util.List;

public class Alloc {
    static final int ROUNDS = 10;
    static final int PER_ROUND = 100_000;

    record Entry(long id, double value, String tag) {}

    public static void main(String[] args) {
        List<Entry> kept = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            List<Entry> batch = new ArrayList<>();
            for (long i = (long) r * PER_ROUND; i < (long) (r + 1) * PER_ROUND; i++)
                batch.add(new Entry(i, i * 0.5, "r" + i));
            for (int i = 0; i < batch.size(); i += 10)
                kept.add(batch.get(i));
        }
        long sum = 0;
        for (Entry e : kept)
            sum += e.id();
        System.out.println(kept.size() + " " + sum);
    }
}
