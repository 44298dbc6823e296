// How long tyme4j takes to look a date up in its holiday table (docs/PERFORMANCE.md, "Remembered logins", the holiday
// table once per year). Run: java -cp ~/.m2/repository/cn/6tail/tyme4j/1.4.9/tyme4j-1.4.9.jar bench/micro/TymeCost.java
import com.tyme.holiday.LegalHoliday;
import java.time.LocalDate;
public class TymeCost {
    public static void main(String[] a) {
        for (int round = 0; round < 5; round++) {
            long t = System.nanoTime(); int n = 0, hits = 0;
            for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() < 2027; d = d.plusDays(1)) {
                for (int k = 0; k < 20; k++) { if (LegalHoliday.fromYmd(d.getYear(), d.getMonthValue(), d.getDayOfMonth()) != null) hits++; n++; }
            }
            System.out.printf("round %d: %d look-ups, %.2f us each (%d hits)%n", round, n, (System.nanoTime() - t) / 1000.0 / n, hits);
        }
    }
}
