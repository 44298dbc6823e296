package org.jiandu.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A province's year of records, made fast and as the application itself makes them.
 *
 * <p>Each kind of record is first walked once through {@code /api} to each step the data set needs (a complaint
 * waiting for its acceptance review, one waiting for the investigation, ..., one closed; the same for letters,
 * rectifications and clues, per agency). Every row that walk left in the database — our tables, the engine's
 * runtime rows (execution, task, candidate links, task authorizations, timer jobs, variables) and its history —
 * is its <em>template</em>. The data set is then cloned from the templates with plain multi-row INSERTs: every
 * engine id of the template gets a new id (UUID-shaped, ascending), every id of our tables a fresh id (foreign keys and the
 * {@code complaintId} variable follow), every record and document number the next number of its counter (the
 * counters are moved past them at the end), and a closed record's times are moved back by up to a year. Audit
 * rows are appended to the chain sealed, as the sealer does (sequence, hash link, batch with its Merkle root).
 * So a generated open task is the engine's own state: claimable and completable through {@code /api}, in the
 * inboxes of the same groups and people as its template. What is not rewritten: the numbers printed inside a
 * cloned .docx (the stored file is the template's, with its SHA-256).
 *
 * <p>Size: {@code -Dbench.dataset.scale} (default 1.0 on MariaDB, 0.02 on H2) times 100,000 complaints, 20,000
 * letters (5,000 of them with a rectification) and 1,000 clues; {@code bench.dataset.open} of them open (default
 * 0.1; the inbox scenario asks for 100,000 open tasks). Runs once per database: a database that already holds the
 * complaints is left as it is.
 */
final class DataSet {

    static final Pattern UUID_PATTERN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Record numbers (TS-2026-000123) and document numbers (市司监建〔2026〕7号). */
    static final Pattern NUMBER_PATTERN = Pattern.compile("\\b(TS|JY|ZG|XS)-(\\d{4})-(\\d{6})\\b|(市司监.)〔(\\d{4})〕(\\d+)号");
    static final Map<String, String> RECORD_SEQUENCES = Map.of("TS", "complaint.tracking.", "JY", "LETTER|",
            "ZG", "RECTIFICATION|", "XS", "CLUE|");
    /** Tables never cloned: configuration, identity, counters, the audit chain's own bookkeeping, metrics. */
    static final Set<String> SKIPPED = Set.of("act_ge_property", "act_ge_schema_log", "act_ru_meter_log",
            "act_ru_task_meter_log", "act_ru_jobdef", "act_ru_filter", "number_sequence", "audit_batch",
            "audit_chain_head", "audit_checkpoint", "jiandu_schema_history", "flyway_schema_history",
            "rate_limit_bucket", "mail_outbox", "archive_package", "inbox_badge");
    /** Tables of ours keyed by an engine id (cloned with the task they index), with that column. */
    static final Map<String, String> ENGINE_KEYED = Map.of("inbox_task", "task_id");
    static final List<String> AGENCIES = List.of("SCJ", "HBJ", "CGW", "XIAN-SCJ");
    static final List<String> LIAISON_AGENCIES = List.of("SCJ", "HBJ");
    static final int FLUSH_ROWS = 20_000;

    private final Connection db;
    private final boolean mysql;
    private final Random random = new Random(15);
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Long> counters = new HashMap<>();
    private final Map<String, String> docSequences = new HashMap<>();
    private long rowsWritten;

    private DataSet(Connection db) throws SQLException {
        this.db = db;
        db.setAutoCommit(false);
        db.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        this.mysql = db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("mysql")
                || db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("maria");
        readTables();
    }

    record Size(int complaints, int letters, int rectifications, int clues, double open) {

        static Size fromProperties(boolean h2, int openTasks) {
            double scale = Double.parseDouble(System.getProperty("bench.dataset.scale", h2 ? "0.02" : "1.0"));
            int complaints = (int) Math.round(100_000 * scale);
            int letters = (int) Math.round(20_000 * scale);
            int rectifications = (int) Math.round(5_000 * scale);
            int clues = (int) Math.round(1_000 * scale);
            double open = Double.parseDouble(System.getProperty("bench.dataset.open", "0.1"));
            if (openTasks > 0) {
                open = Math.min(1.0, openTasks * 1.0 / (complaints + letters + clues));
            }
            return new Size(complaints, letters, rectifications, clues, open);
        }
    }

    /**
     * Makes the data set unless the database holds it already; returns a line for the results. {@code openTasks} > 0
     * asks for that many open tasks (the inbox scenario) instead of {@code bench.dataset.open}.
     */
    static String ensure(int openTasks) throws Exception {
        try (Connection db = AuditRows.connect()) {
            boolean h2 = !db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).matches(".*(mysql|maria).*");
            Size size = Size.fromProperties(h2, openTasks);
            long existing = count(db, "SELECT COUNT(*) FROM complaint");
            if (existing >= size.complaints()) {
                return "dataset: present already (" + existing + " complaints), not generated";
            }
            long history = count(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST");
            if (history > 1_000) {
                throw new IllegalStateException("The data set is generated on a fresh database (bench/run makes one); this "
                        + "one holds " + history + " process instances already, and reading it before and after each "
                        + "template walk would take longer than the generation itself.");
            }
            long started = System.nanoTime();
            DataSet set = new DataSet(db);
            String line = set.generate(size);
            return String.format("dataset: %s in %.0f s (%d rows written)", line, (System.nanoTime() - started) / 1e9,
                    set.rowsWritten);
        }
    }

    // ---------------------------------------------------------------- the plan: which template, how many clones

    private String generate(Size size) throws Exception {
        long walkStarted = System.nanoTime();
        List<Planned> plan = new ArrayList<>();
        double open = size.open();
        // complaints: 7 open steps and closed, over the four agencies
        int complaintsOpen = (int) Math.round(size.complaints() * open);
        for (int a = 0; a < AGENCIES.size(); a++) {
            String agency = AGENCIES.get(a);
            for (int step = 0; step <= Walks.COMPLAINT_STEPS.length; step++) {
                boolean closed = step == Walks.COMPLAINT_STEPS.length;
                int n = closed ? share(size.complaints() - complaintsOpen, AGENCIES.size(), a)
                        : share(share(complaintsOpen, AGENCIES.size(), a), Walks.COMPLAINT_STEPS.length, step);
                int s = step;
                plan.add(new Planned("complaint " + agency + " after " + step + " steps", !closed, n,
                        () -> Walks.complaint(agency, s)));
            }
        }
        // letters with a rectification (letter steps, then the rectification's), and letters without one
        int plain = size.letters() - size.rectifications();
        int plainOpen = (int) Math.round(plain * open);
        int rectOpen = (int) Math.round(size.rectifications() * open);
        for (int a = 0; a < LIAISON_AGENCIES.size(); a++) {
            String agency = LIAISON_AGENCIES.get(a);
            for (int step = 0; step <= Walks.LETTER_STEPS; step++) {
                int s = step;
                int n;
                if (step < 6) {
                    n = share(share(plainOpen, LIAISON_AGENCIES.size(), a), 6, step);
                } else if (step < Walks.LETTER_STEPS) {
                    n = share(share(rectOpen, LIAISON_AGENCIES.size(), a), 3, step - 6);
                } else {
                    n = share(size.rectifications() - rectOpen, LIAISON_AGENCIES.size(), a);
                }
                plan.add(new Planned("letter " + agency + " after " + step + " steps", step < Walks.LETTER_STEPS, n,
                        () -> Walks.letter(agency, true, s)));
            }
            plan.add(new Planned("letter " + agency + " without rectification, closed", false,
                    share(plain - plainOpen, LIAISON_AGENCIES.size(), a), () -> Walks.letter(agency, false, 6)));
        }
        int cluesOpen = (int) Math.round(size.clues() * open);
        for (int a = 0; a < AGENCIES.size(); a++) {
            String agency = AGENCIES.get(a);
            for (int step = 0; step <= Walks.CLUE_STEPS; step++) {
                boolean closed = step == Walks.CLUE_STEPS;
                int n = closed ? share(size.clues() - cluesOpen, AGENCIES.size(), a)
                        : share(share(cluesOpen, AGENCIES.size(), a), Walks.CLUE_STEPS, step);
                int s = step;
                plan.add(new Planned("clue " + agency + " after " + step + " steps", !closed, n, () -> Walks.clue(agency, s)));
            }
        }

        // walk each template once through /api, and take what it wrote
        List<Template> templates = new ArrayList<>();
        for (Planned planned : plan) {
            if (planned.clones() <= 0) {
                continue;
            }
            Snapshot before = snapshot();
            planned.walk().run();
            waitForSealer();
            Template template = diff(planned, before);
            templates.add(template);
        }
        double walkSeconds = (System.nanoTime() - walkStarted) / 1e9;
        System.out.printf("BENCH dataset: %d templates walked through /api in %.0f s%n", templates.size(), walkSeconds);
        readDocumentSequences();
        readCounters();

        // clone: templates interleaved, so that ids and numbers are spread as in a real year
        long started = System.nanoTime();
        prepareSession(true);
        try {
            Writer writer = new Writer();
            long total = templates.stream().mapToLong(t -> t.planned.clones()).sum();
            long[] left = templates.stream().mapToLong(t -> t.planned.clones()).toArray();
            long done = 0;
            while (done < total) {
                for (int i = 0; i < templates.size(); i++) {
                    if (left[i] > 0) {
                        left[i]--;
                        done++;
                        clone(templates.get(i), writer);
                        if (writer.pending >= FLUSH_ROWS) {
                            writer.flush();
                        }
                        if (done % 10_000 == 0) {
                            System.out.printf("BENCH dataset: %d of %d records cloned, %d rows, %.0f s%n", done, total,
                                    rowsWritten + writer.pending, (System.nanoTime() - started) / 1e9);
                        }
                    }
                }
            }
            writer.flush();
            moveCounters();
            db.commit();
            countInboxBadges();
        } finally {
            prepareSession(false);
        }
        long openTasks = count(db, "SELECT COUNT(*) FROM ACT_RU_TASK");
        return String.format("%d complaints, %d letters, %d rectifications, %d clues, %d open tasks (%d templates walked "
                        + "in %.0f s, cloned in %.0f s)", count(db, "SELECT COUNT(*) FROM complaint"),
                count(db, "SELECT COUNT(*) FROM supervision_letter"), count(db, "SELECT COUNT(*) FROM rectification"),
                count(db, "SELECT COUNT(*) FROM clue"), openTasks, templates.size(), walkSeconds,
                (System.nanoTime() - started) / 1e9);
    }

    private static int share(int total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }

    record Planned(String name, boolean open, int clones, Runnable walk) {
    }

    // ---------------------------------------------------------------- what a walk wrote

    /** A table's columns, its key, and the tables its id columns point at. */
    static final class Table {
        final String name;
        final List<String> columns = new ArrayList<>();
        final List<Integer> types = new ArrayList<>();
        final Map<String, String> references = new HashMap<>();
        String engineKey;     // ID_ of an engine table, or the engine id keying a table of ours (ENGINE_KEYED)
        String numericKey;    // id of one of ours

        Table(String name) {
            this.name = name;
        }

        int index(String column) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).equalsIgnoreCase(column)) {
                    return i;
                }
            }
            return -1;
        }
    }

    private void readTables() throws SQLException {
        DatabaseMetaData meta = db.getMetaData();
        String catalog = db.getCatalog();
        String schema = mysql ? null : "PUBLIC";
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!SKIPPED.contains(name.toLowerCase(Locale.ROOT)) && !name.toUpperCase(Locale.ROOT).startsWith("ACT_RE_")
                        && !name.toUpperCase(Locale.ROOT).startsWith("ACT_ID_")) {
                    tables.put(name.toLowerCase(Locale.ROOT), new Table(name));
                }
            }
        }
        for (Table table : tables.values()) {
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table.name + " WHERE 1 = 0")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    table.columns.add(md.getColumnName(i));
                    table.types.add(md.getColumnType(i));
                }
            }
            if (table.index("ID_") >= 0) {
                table.engineKey = table.columns.get(table.index("ID_"));
            } else if (ENGINE_KEYED.containsKey(table.name.toLowerCase(Locale.ROOT))) {
                table.engineKey = table.columns.get(table.index(ENGINE_KEYED.get(table.name.toLowerCase(Locale.ROOT))));
            } else if (table.index("id") >= 0 && isNumber(table.types.get(table.index("id")))) {
                table.numericKey = table.columns.get(table.index("id"));
            }
            try (ResultSet rs = meta.getImportedKeys(catalog, schema, table.name)) {
                while (rs.next()) {
                    table.references.put(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
                            rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            for (String column : table.columns) {
                String c = column.toLowerCase(Locale.ROOT);
                if (c.endsWith("document_id") && !table.references.containsKey(c)) {
                    table.references.put(c, "document");
                }
            }
        }
    }

    /** What the tables hold before a walk: the engine ids, and the highest id of ours. */
    record Snapshot(Map<String, Set<String>> engineIds, Map<String, Long> maxIds) {
    }

    private Snapshot snapshot() throws SQLException {
        Map<String, Set<String>> engineIds = new HashMap<>();
        Map<String, Long> maxIds = new HashMap<>();
        for (Table table : tables.values()) {
            if (table.engineKey != null) {
                Set<String> ids = new HashSet<>();
                try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT " + table.engineKey + " FROM " + table.name)) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                engineIds.put(table.name, ids);
            } else if (table.numericKey != null) {
                maxIds.put(table.name, count(db, "SELECT COALESCE(MAX(" + table.numericKey + "), 0) FROM " + table.name));
            }
        }
        db.commit();
        return new Snapshot(engineIds, maxIds);
    }

    /** The sealer seals a walk's audit rows right after each commit; the template takes them sealed or not. */
    private void waitForSealer() throws Exception {
        for (int i = 0; i < 50 && count(db, "SELECT COUNT(*) FROM audit_log WHERE seq_no IS NULL") > 0; i++) {
            db.commit();
            Thread.sleep(100);
        }
        db.commit();
    }

    /** A template: the rows one walk wrote, per table, and the engine ids among them (the ones to renew). */
    static final class Template {
        final Planned planned;
        final Map<Table, List<Object[]>> rows = new LinkedHashMap<>();
        final Set<String> engineIds = new HashSet<>();

        Template(Planned planned) {
            this.planned = planned;
        }
    }

    private Template diff(Planned planned, Snapshot before) throws SQLException {
        Template template = new Template(planned);
        for (Table table : tables.values()) {
            String where;
            if (table.engineKey != null) {
                where = "";
            } else if (table.numericKey != null) {
                where = " WHERE " + table.numericKey + " > " + before.maxIds().get(table.name);
            } else {
                continue;
            }
            List<Object[]> rows = new ArrayList<>();
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table.name + where
                    + (table.numericKey != null ? " ORDER BY " + table.numericKey : ""))) {
                while (rs.next()) {
                    if (table.engineKey != null && before.engineIds().get(table.name).contains(rs.getString(table.engineKey))) {
                        continue;
                    }
                    Object[] row = new Object[table.columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = read(rs, i + 1, table.types.get(i));
                    }
                    rows.add(row);
                    if (table.engineKey != null) {
                        Matcher m = UUID_PATTERN.matcher(rs.getString(table.engineKey));
                        while (m.find()) {
                            template.engineIds.add(m.group());
                        }
                    }
                }
            }
            if (!rows.isEmpty()) {
                template.rows.put(table, rows);
            }
        }
        db.commit();
        for (var entry : template.rows.entrySet()) {
            for (Object[] row : entry.getValue()) {
                for (int i = 0; i < row.length; i++) {
                    String column = entry.getKey().columns.get(i).toLowerCase(Locale.ROOT);
                    if (row[i] instanceof String text) {
                        Rewrite rewrite = Rewrite.of(text, template.engineIds);
                        row[i] = rewrite == null ? text : rewrite;
                    } else if (row[i] instanceof byte[] bytes && !column.equals("content")) {
                        Rewrite rewrite = Rewrite.of(new String(bytes, StandardCharsets.UTF_8), template.engineIds);
                        if (rewrite != null) {
                            row[i] = new RewriteBytes(rewrite);
                        }
                    }
                }
            }
        }
        if (template.rows.keySet().stream().noneMatch(t -> t.name.equalsIgnoreCase("ACT_HI_PROCINST"))) {
            throw new IllegalStateException("the walk " + planned.name() + " left no process instance");
        }
        return template;
    }

    private static Object read(ResultSet rs, int column, int type) throws SQLException {
        return switch (type) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(column, LocalDateTime.class);
            case Types.DATE -> rs.getObject(column, LocalDate.class);
            case Types.BLOB, Types.LONGVARBINARY, Types.VARBINARY, Types.BINARY -> rs.getBytes(column);
            default -> rs.getObject(column);
        };
    }

    // ---------------------------------------------------------------- one clone

    private final Map<String, Long> nextIds = new HashMap<>();

    private void clone(Template template, Writer writer) throws SQLException {
        Map<String, String> uuids = new HashMap<>();
        Map<String, Map<Long, Long>> ids = new HashMap<>();
        Map<String, String> numbers = new HashMap<>();
        long shiftDays = template.planned.open() ? 0 : random.nextInt(Math.max(1, LocalDate.now().getDayOfYear() - 8));
        // our ids first, so that every reference finds its new value whatever the table order
        for (var entry : template.rows.entrySet()) {
            Table table = entry.getKey();
            if (table.numericKey != null && !table.name.equalsIgnoreCase("audit_log")) {
                Map<Long, Long> map = ids.computeIfAbsent(table.name.toLowerCase(Locale.ROOT), k -> new HashMap<>());
                int key = table.index(table.numericKey);
                for (Object[] row : entry.getValue()) {
                    map.put(((Number) row[key]).longValue(), nextId(table));
                }
            }
        }
        for (var entry : template.rows.entrySet()) {
            Table table = entry.getKey();
            int nameColumn = table.engineKey != null ? table.index("NAME_") : -1;
            for (Object[] row : entry.getValue()) {
                Object[] copy = new Object[row.length];
                for (int i = 0; i < row.length; i++) {
                    String column = table.columns.get(i).toLowerCase(Locale.ROOT);
                    Object value = row[i];
                    if (value == null) {
                        continue;
                    }
                    if (table.numericKey != null && column.equals("id")) {
                        value = table.name.equalsIgnoreCase("audit_log") ? null : ids.get(table.name.toLowerCase(Locale.ROOT)).get(((Number) value).longValue());
                    } else if (value instanceof Number number && reference(table, column, row) != null) {
                        Map<Long, Long> map = ids.get(reference(table, column, row));
                        Long mapped = map == null ? null : map.get(number.longValue());
                        value = mapped == null ? value : mapped;
                    } else if (value instanceof Rewrite rewrite) {
                        value = rewrite.apply(uuids, numbers, this::renumber);
                    } else if (value instanceof RewriteBytes rewrite) {
                        value = rewrite.text().apply(uuids, numbers, this::renumber).getBytes(StandardCharsets.UTF_8);
                    } else if (value instanceof LocalDateTime time) {
                        value = time.minusDays(shiftDays);
                    } else if (value instanceof LocalDate date) {
                        value = date.minusDays(shiftDays);
                    }
                    copy[i] = value;
                }
                // a process variable that holds one of our ids (complaintId) follows its record
                if (nameColumn >= 0 && "complaintId".equals(row[nameColumn])) {
                    Map<Long, Long> map = ids.get("complaint");
                    int longColumn = table.index("LONG_");
                    int textColumn = table.index("TEXT_");
                    if (map != null && longColumn >= 0 && row[longColumn] != null) {
                        Long mapped = map.get(((Number) row[longColumn]).longValue());
                        copy[longColumn] = mapped;
                        if (textColumn >= 0 && row[textColumn] != null) {
                            copy[textColumn] = String.valueOf(mapped);
                        }
                    }
                }
                writer.add(table, copy);
            }
        }
    }

    /** complaint_proposal.target_id points at the table its target_type names. */
    private static String reference(Table table, String column, Object[] row) {
        String target = table.references.get(column);
        if (target != null) {
            return target;
        }
        if (table.name.equalsIgnoreCase("complaint_proposal") && column.equals("target_id")) {
            Object type = row[table.index("target_type")];
            return switch (String.valueOf(type)) {
                case "SUPERVISION_CASE" -> "supervision_case";
                case "SUGGESTION_LETTER" -> "supervision_letter";
                case "CLUE_TRANSFER" -> "clue";
                default -> null;
            };
        }
        return null;
    }

    private long nextId(Table table) throws SQLException {
        String key = table.name.toLowerCase(Locale.ROOT);
        Long next = nextIds.get(key);
        if (next == null) {
            next = count(db, "SELECT COALESCE(MAX(" + table.numericKey + "), 0) FROM " + table.name) + 1;
        }
        nextIds.put(key, next + 1);
        return next;
    }

    /**
     * A text of a template with the parts a clone renews: the engine ids of the template (a new id each) and
     * record or document numbers (the next number of its counter), found once per template, not per clone.
     */
    record Rewrite(List<Object> parts) {

        record Id(String old) {
        }

        record Number(String old) {
        }

        static Rewrite of(String text, Set<String> engineIds) {
            List<Object> parts = new ArrayList<>();
            int at = 0;
            boolean found = false;
            List<int[]> spans = new ArrayList<>();
            Matcher ids = UUID_PATTERN.matcher(text);
            while (ids.find()) {
                if (engineIds.contains(ids.group())) {
                    spans.add(new int[] {ids.start(), ids.end(), 0});
                }
            }
            Matcher numbers = NUMBER_PATTERN.matcher(text);
            while (numbers.find()) {
                spans.add(new int[] {numbers.start(), numbers.end(), 1});
            }
            spans.sort((x, y) -> Integer.compare(x[0], y[0]));
            for (int[] span : spans) {
                if (span[0] < at) {
                    continue;
                }
                found = true;
                if (span[0] > at) {
                    parts.add(text.substring(at, span[0]));
                }
                String old = text.substring(span[0], span[1]);
                parts.add(span[2] == 0 ? new Id(old) : new Number(old));
                at = span[1];
            }
            if (!found) {
                return null;
            }
            if (at < text.length()) {
                parts.add(text.substring(at));
            }
            return new Rewrite(List.copyOf(parts));
        }

        String apply(Map<String, String> uuids, Map<String, String> numbers,
                     java.util.function.Function<String, String> renumber) {
            StringBuilder out = new StringBuilder();
            for (Object part : parts) {
                if (part instanceof Id id) {
                    out.append(uuids.computeIfAbsent(id.old(), k -> nextEngineId()));
                } else if (part instanceof Number number) {
                    out.append(numbers.computeIfAbsent(number.old(), renumber));
                } else {
                    out.append((String) part);
                }
            }
            return out.toString();
        }
    }

    /**
     * Engine ids for the clones: UUID-shaped, unique to this run, and ascending, so that InnoDB appends them to its
     * primary-key and secondary indexes instead of inserting at random places all over them.
     */
    private static final long RUN = System.currentTimeMillis() / 1000;
    private static final java.util.concurrent.atomic.AtomicLong ENGINE_IDS = new java.util.concurrent.atomic.AtomicLong();

    static String nextEngineId() {
        long n = ENGINE_IDS.incrementAndGet();
        return "%08x-%04x-4%03x-8%03x-%012x".formatted(RUN & 0xffffffffL, (RUN >>> 32) & 0xffff, 0, 0, n);
    }

    record RewriteBytes(Rewrite text) {
    }

    private String renumber(String number) {
        Matcher m = NUMBER_PATTERN.matcher(number);
        if (!m.matches()) {
            throw new IllegalStateException(number);
        }
        if (m.group(1) != null) {
            String sequence = RECORD_SEQUENCES.get(m.group(1)) + m.group(2);
            return "%s-%s-%06d".formatted(m.group(1), m.group(2), take(sequence));
        }
        String sequence = docSequences.get(m.group(4) + "|" + m.group(5));
        if (sequence == null) {
            throw new IllegalStateException("no counter known for the document number " + number);
        }
        return "%s〔%s〕%d号".formatted(m.group(4), m.group(5), take(sequence));
    }

    private long take(String sequence) {
        long next = counters.getOrDefault(sequence, 1L);
        counters.put(sequence, next + 1);
        return next;
    }

    /** Document numbers: the prefix of each stored number (市司监建) and its counter (DOC|SFJ|SUGGESTION_LETTER|2026). */
    private void readDocumentSequences() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT seq_name FROM number_sequence")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT DISTINCT doc_type, doc_no FROM document WHERE doc_no IS NOT NULL")) {
            while (rs.next()) {
                Matcher m = NUMBER_PATTERN.matcher(rs.getString(2));
                if (m.matches() && m.group(4) != null) {
                    String suffix = "|" + rs.getString(1) + "|" + m.group(5);
                    names.stream().filter(n -> n.startsWith("DOC|") && n.endsWith(suffix)).findFirst()
                            .ifPresent(n -> docSequences.put(m.group(4) + "|" + m.group(5), n));
                }
            }
        }
        db.commit();
    }

    private void readCounters() throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT seq_name, next_value FROM number_sequence")) {
            while (rs.next()) {
                counters.put(rs.getString(1), rs.getLong(2));
            }
        }
        db.commit();
    }

    /** The inbox's badges counted again over its index, which the clones' rows joined (inbox.OpenTasks). */
    private void countInboxBadges() throws SQLException {
        try (Statement st = db.createStatement()) {
            st.executeUpdate("DELETE FROM inbox_badge");
            st.executeUpdate("INSERT INTO inbox_badge (audience, shard, open_tasks) "
                    + "SELECT audience, 0, COUNT(*) FROM inbox_task GROUP BY audience");
        }
        db.commit();
    }

    /** The counters past every number the clones took, so that the application's next number is free. */
    private void moveCounters() throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE number_sequence SET next_value = ? WHERE seq_name = ? AND next_value < ?");
             PreparedStatement insert = db.prepareStatement("INSERT INTO number_sequence (seq_name, next_value) SELECT ?, ? "
                     + "FROM audit_chain_head WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM number_sequence WHERE seq_name = ?)")) {
            for (var counter : counters.entrySet()) {
                update.setLong(1, counter.getValue());
                update.setString(2, counter.getKey());
                update.setLong(3, counter.getValue());
                update.executeUpdate();
                insert.setString(1, counter.getKey());
                insert.setLong(2, counter.getValue());
                insert.setString(3, counter.getKey());
                insert.executeUpdate();
            }
        }
        if (!mysql) {
            for (var next : nextIds.entrySet()) {
                try (Statement st = db.createStatement()) {
                    st.execute("ALTER TABLE " + tables.get(next.getKey()).name + " ALTER COLUMN id RESTART WITH " + next.getValue());
                }
            }
        }
    }

    private void prepareSession(boolean bulk) throws SQLException {
        db.setAutoCommit(false);
        try (Statement st = db.createStatement()) {
            if (mysql) {
                st.execute(bulk ? "SET foreign_key_checks = 0, unique_checks = 0" : "SET foreign_key_checks = 1, unique_checks = 1");
            } else {
                st.execute(bulk ? "SET REFERENTIAL_INTEGRITY FALSE" : "SET REFERENTIAL_INTEGRITY TRUE");
            }
        }
    }

    // ---------------------------------------------------------------- writing: multi-row INSERTs, audit rows sealed

    private final class Writer {
        private final Map<Table, List<Object[]>> rows = new LinkedHashMap<>();
        private final List<Object[]> audit = new ArrayList<>();
        int pending;

        void add(Table table, Object[] row) {
            if (table.name.equalsIgnoreCase("audit_log")) {
                audit.add(row);
            } else {
                rows.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
            }
            pending++;
        }

        void flush() throws SQLException {
            for (var entry : rows.entrySet()) {
                Table table = entry.getKey();
                insert(table, entry.getValue());
            }
            rows.clear();
            sealAudit();
            db.commit();
            rowsWritten += pending;
            pending = 0;
        }

        private void insert(Table table, List<Object[]> values) throws SQLException {
            if (values.isEmpty()) {
                return;
            }
            String sql = "INSERT INTO " + table.name + " (" + String.join(", ", table.columns) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(table.columns.size(), "?")) + ")";
            try (PreparedStatement st = db.prepareStatement(sql)) {
                int n = 0;
                for (Object[] row : values) {
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] == null) {
                            st.setNull(i + 1, table.types.get(i));
                        } else {
                            st.setObject(i + 1, row[i]);
                        }
                    }
                    st.addBatch();
                    if (++n % 1000 == 0) {
                        st.executeBatch();
                    }
                }
                st.executeBatch();
            }
        }

        /** The cloned audit rows appended to the chain, sealed as the sealer seals them (AuditRows has the formulas). */
        private void sealAudit() throws SQLException {
            if (audit.isEmpty()) {
                return;
            }
            Table table = tables.get("audit_log");
            List<AuditRows.Row> sealed = new ArrayList<>(audit.size());
            for (Object[] row : audit) {
                sealed.add(new AuditRows.Row(((LocalDateTime) row[table.index("occurred_at")]).truncatedTo(ChronoUnit.SECONDS),
                        (String) row[table.index("actor")], (String) row[table.index("actor_roles")],
                        (String) row[table.index("actor_org")], (String) row[table.index("client_ip")],
                        (String) row[table.index("record_type")], (String) row[table.index("record_no")],
                        (String) row[table.index("action")], (String) row[table.index("changes")]));
            }
            AuditRows.appendSealed(db, sealed, 1000);
            audit.clear();
        }
    }

    private static boolean isNumber(int type) {
        return type == Types.BIGINT || type == Types.INTEGER || type == Types.NUMERIC || type == Types.DECIMAL;
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
