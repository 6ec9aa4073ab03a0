package footprint.io.excel;

import footprint.io.ReadLimits;
import footprint.model.check.Location;
import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import footprint.model.check.SafeText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the cells of a workbook file that may come from anyone, safely: what is not an .xlsx
 * workbook is refused with a message saying what it is; a zip bomb (a small file whose parts expand
 * a hundred times or more, or beyond {@link #MAX_PART_BYTES}) is refused by POI's {@link
 * ZipSecureFile} checks; sheets are streamed (SAX, never a whole-workbook object model), with at
 * most {@link #MAX_CELLS} cells and {@link ReadLimits#MAX_BYTES} characters of text in all.
 */
final class WorkbookReader {
    /** A sheet part of 64 MiB holds hundreds of times the Kaluga case; more is not a model. */
    static final long MAX_PART_BYTES = 64L * 1024 * 1024;

    /** Parts expanding more than 100 times are refused (POI's default, stated here on purpose). */
    static final double MIN_INFLATE_RATIO = 0.01;

    static final int MAX_CELLS = 2_000_000;
    static final int MAX_SHEETS = 200;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private WorkbookReader() {}

    /** The sheets read (by normalised name), every sheet's name, and problems; or why the file was refused. */
    record Cells(List<String> sheetNames, Map<String, Grid> grids, List<Problem> problems, boolean refused) {
        Cells {
            sheetNames = List.copyOf(sheetNames);
            grids = Map.copyOf(grids);
            problems = List.copyOf(problems);
        }

        static Cells refusal(String file, String why) {
            return new Cells(
                    List.of(),
                    Map.of(),
                    List.of(Problem.at(ProblemCode.REFUSED, new Location(file, 0, 0), "", "the file " + why)),
                    true);
        }
    }

    /** Reads every sheet whose (normalised) name {@code wanted} accepts. */
    static Cells read(Path path, Predicate<String> wanted) {
        String file = path.toString();
        Optional<String> notRegular = ReadLimits.notARegularFile(path);
        if (notRegular.isPresent()) {
            return Cells.refusal(file, notRegular.get().replace("not a model file", "not a workbook"));
        }
        try {
            long size = Files.size(path);
            if (size == 0) {
                return Cells.refusal(file, "is empty; footprint export-model writes a workbook to start from.");
            }
            if (size > ReadLimits.MAX_BYTES) {
                return Cells.refusal(
                        file,
                        "is " + (size >> 20) + " MiB; workbooks are limited to " + (ReadLimits.MAX_BYTES >> 20)
                                + " MiB.");
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(path)) {
                head = in.readNBytes(512);
            }
            Optional<String> notZip = notAWorkbook(head);
            if (notZip.isPresent()) {
                return Cells.refusal(file, notZip.get());
            }
        } catch (NoSuchFileException e) {
            return Cells.refusal(file, "does not exist.");
        } catch (AccessDeniedException e) {
            return Cells.refusal(file, "cannot be read: permission denied.");
        } catch (IOException e) {
            return Cells.refusal(file, "cannot be read (the system reported an input/output error).");
        }
        tightenZipLimits();
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException e) {
            boolean notOffice = e instanceof NotOfficeXmlFileException
                    || String.valueOf(e.getMessage()).contains("content type part");
            return Cells.refusal(
                    file,
                    notOffice
                            ? "is a zip archive but not an Excel workbook (.xlsx): it has no [Content_Types].xml."
                            : why(e, "cannot be opened as an Excel workbook (is it damaged or incomplete?)"));
        }
        try {
            return sheets(pkg, file, wanted);
        } catch (BadSheet e) {
            return new Cells(
                    List.of(),
                    Map.of(),
                    List.of(Problem.at(ProblemCode.REFUSED, Location.cell(file, e.sheet, 0, 0), "", e.getMessage())),
                    true);
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            return Cells.refusal(file, why(e, "cannot be read as an Excel workbook (is it damaged?)"));
        } finally {
            pkg.revert();
        }
    }

    /** Why the first bytes are not those of an .xlsx workbook, if they are not. */
    private static Optional<String> notAWorkbook(byte[] head) {
        if (startsWith(head, ZIP)) {
            return Optional.empty();
        }
        if (startsWith(head, EMPTY_ZIP)) {
            return Optional.of("is an empty zip archive, not an Excel workbook (.xlsx).");
        }
        if (startsWith(head, OLE2)) {
            return Optional.of("is an Excel 97-2003 workbook (.xls) or a password-protected workbook; save it in"
                    + " Excel as an Excel Workbook (.xlsx) without a password.");
        }
        boolean text = true;
        for (byte b : head) {
            text &= b == '\n' || b == '\r' || b == '\t' || (b & 0xff) >= 0x20;
        }
        String start = new String(head, 0, Math.min(head.length, 40), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (text && (start.contains("footprint") || start.startsWith("#") || start.startsWith("{"))) {
            return Optional.of("is not an Excel workbook (.xlsx) but text, perhaps a YAML or JSON model:"
                    + " validate and convert read those.");
        }
        return Optional.of(
                "is not an Excel workbook (.xlsx)" + (text ? "; it holds text." : "; it is not even a zip archive."));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** POI's limits are global: only ever tightened here, never loosened for another reader. */
    private static synchronized void tightenZipLimits() {
        if (ZipSecureFile.getMinInflateRatio() < MIN_INFLATE_RATIO) {
            ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        }
        if (ZipSecureFile.getMaxEntrySize() > MAX_PART_BYTES) {
            ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
        }
    }

    /** A message for a refusal, naming a zip bomb or a limit when that is the cause. */
    private static String why(Throwable e, String otherwise) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return t.getMessage();
            }
            String m = t.getMessage() == null ? "" : t.getMessage();
            String lower = m.toLowerCase(Locale.ROOT);
            if (lower.contains("zip bomb")) {
                return "is refused as a probable zip bomb: a part of it expands more than "
                        + Math.round(1 / MIN_INFLATE_RATIO) + " times. A real workbook does not; save it again"
                        + " from Excel.";
            }
            if (lower.contains("exceeds the max") || lower.contains("max_entry_size") || lower.contains("entry size")) {
                return "is refused: a part of it expands beyond " + (MAX_PART_BYTES >> 20)
                        + " MiB, far more than a model workbook holds (a zip bomb?).";
            }
        }
        // the library's own words (class names, parts of the zip) would not help a planner
        return otherwise + "; open it in Excel and save it again as an Excel Workbook (.xlsx).";
    }

    private static Cells sheets(OPCPackage pkg, String file, Predicate<String> wanted)
            throws IOException, OpenXML4JException, SAXException {
        XSSFReader reader = new XSSFReader(pkg);
        SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
        XSSFReader.SheetIterator it = reader.getSheetIterator();
        List<String> names = new ArrayList<>();
        Map<String, Grid> grids = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        Budget budget = new Budget();
        while (it.hasNext()) {
            try (InputStream in = it.next()) {
                String name = it.getSheetName();
                names.add(name);
                if (names.size() > MAX_SHEETS) {
                    throw new TooLarge("holds more than " + MAX_SHEETS + " sheets; a model workbook has "
                            + (Layout.SHEETS.size() + 1) + ".");
                }
                String key = Layout.normalise(name);
                if (!wanted.test(key) || grids.containsKey(key)) {
                    continue;
                }
                Grid grid = new Grid(name);
                XMLReader xml = newXmlReader();
                xml.setContentHandler(new SheetHandler(file, grid, strings, budget, problems));
                try {
                    xml.parse(new InputSource(in));
                } catch (SAXParseException e) {
                    throw BadSheet.of(name, e);
                }
                grids.put(key, grid);
            }
        }
        return new Cells(names, grids, problems, false);
    }

    private static XMLReader newXmlReader() throws SAXException {
        try {
            return XMLHelper.newXMLReader();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new SAXException(e);
        }
    }

    /** A sheet whose XML cannot be read: the message says why, in a planner's words. */
    private static final class BadSheet extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String sheet;

        BadSheet(String sheet, String message) {
            super(message, null, false, false);
            this.sheet = sheet;
        }

        static BadSheet of(String sheet, SAXParseException e) {
            String where = e.getLineNumber() > 0
                    ? " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + " of the sheet's XML)"
                    : "";
            String m = String.valueOf(e.getMessage());
            if (m.contains("DOCTYPE")) {
                return new BadSheet(
                        sheet,
                        "the sheet " + sheet + " declares a document type (<!DOCTYPE ...>)" + where
                                + ", which no workbook saved by Excel does; it is refused, as such a declaration can"
                                + " make a reader expand entities or fetch other files. Save the workbook again from"
                                + " Excel.");
            }
            if (e.getCause() instanceof TooLarge t) {
                return new BadSheet(sheet, "the file " + t.getMessage());
            }
            return new BadSheet(
                    sheet,
                    "the sheet " + sheet + " is damaged: its XML cannot be read" + where
                            + "; open the workbook in Excel and save it again as an Excel Workbook (.xlsx).");
        }
    }

    /** A limit reached: the message says which. */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    /** Cells and characters read so far, over every sheet. */
    private static final class Budget {
        long cells;
        long chars;

        void cell(int length) {
            if (++cells > MAX_CELLS) {
                throw new TooLarge("holds more than " + MAX_CELLS + " cells; that is not a model workbook.");
            }
            chars += length;
            if (chars > ReadLimits.MAX_BYTES) {
                throw new TooLarge("holds more than " + (ReadLimits.MAX_BYTES >> 20)
                        + " million characters of text; that is not a model workbook.");
            }
        }
    }

    /** Reads one sheet's XML into a grid: every cell's value as typed, or its formula's last result. */
    private static final class SheetHandler extends DefaultHandler {
        private final String file;
        private final Grid grid;
        private final SharedStrings strings;
        private final Budget budget;
        private final List<Problem> problems;

        private int row;
        private int column;
        private String type = "";
        private boolean inValue;
        private boolean inInline;
        private boolean inText;
        private boolean inPhonetic;
        private boolean inFormula;
        private boolean hasValue;
        private final StringBuilder value = new StringBuilder();
        private final StringBuilder inline = new StringBuilder();
        private final StringBuilder formula = new StringBuilder();

        SheetHandler(String file, Grid grid, SharedStrings strings, Budget budget, List<Problem> problems) {
            this.file = file;
            this.grid = grid;
            this.strings = strings;
            this.budget = budget;
            this.problems = problems;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            String name = localName.isEmpty() ? qName : localName;
            switch (name) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    row = r == null ? row + 1 : parsePositive(r, row + 1);
                    column = 0;
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    column = ref == null ? column + 1 : columnOf(ref, column + 1);
                    if (ref != null) {
                        row = rowOf(ref, row);
                    }
                    String t = attributes.getValue("t");
                    type = t == null ? "n" : t;
                    hasValue = false;
                    value.setLength(0);
                    inline.setLength(0);
                    formula.setLength(0);
                }
                case "v" -> {
                    inValue = true;
                    hasValue = true;
                }
                case "f" -> {
                    inFormula = true;
                }
                case "is" -> {
                    inInline = true;
                    hasValue = true;
                }
                case "rPh" -> {
                    inPhonetic = true;
                }
                case "t" -> {
                    inText = inInline && !inPhonetic;
                }
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                append(value, ch, start, length);
            } else if (inText) {
                append(inline, ch, start, length);
            } else if (inFormula) {
                append(formula, ch, start, length);
            }
        }

        private static void append(StringBuilder b, char[] ch, int start, int length) {
            if (b.length() + length > 32_768) {
                throw new TooLarge("has a cell of more than 32,767 characters, which Excel does not allow.");
            }
            b.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String name = localName.isEmpty() ? qName : localName;
            switch (name) {
                case "v" -> {
                    inValue = false;
                }
                case "f" -> {
                    inFormula = false;
                }
                case "is" -> {
                    inInline = false;
                }
                case "rPh" -> {
                    inPhonetic = false;
                }
                case "t" -> {
                    inText = false;
                }
                case "c" -> {
                    cell();
                }
                default -> {}
            }
        }

        private Location here() {
            return Location.cell(file, grid.name(), row, column);
        }

        private void cell() {
            if (!hasValue) {
                if (formula.length() > 0) {
                    problems.add(Problem.at(
                            ProblemCode.WRONG_TYPE,
                            here(),
                            "",
                            "the formula =" + formula + " has no computed value in the file; open the workbook in"
                                    + " Excel and save it, or type the value."));
                }
                return;
            }
            String v = value.toString();
            switch (type) {
                case "s" -> {
                    String text;
                    int index = parsePositive(v.strip(), -1);
                    if (strings.getUniqueCount() == 0) {
                        throw new BadSheet(
                                grid.name(),
                                "the file is damaged: the sheet " + grid.name() + " refers to shared texts (cell "
                                        + Location.columnLetters(column) + row + " to number "
                                        + SafeText.quote(v.strip()) + "), but the workbook has no table of shared"
                                        + " texts; open it in Excel and save it again as an Excel Workbook (.xlsx).");
                    }
                    try {
                        if (index < 0 || index >= strings.getUniqueCount()) {
                            throw new IndexOutOfBoundsException(index);
                        }
                        text = strings.getItemAt(index).getString();
                    } catch (RuntimeException e) {
                        // POI reports a missing table of shared texts or an index beyond it in its own words
                        problems.add(
                                Problem.at(
                                        ProblemCode.REFUSED,
                                        here(),
                                        "",
                                        "the cell refers to shared text number " + SafeText.quote(v.strip())
                                                + ", which the workbook does not hold; is the file damaged? Type the cell's text again in Excel and save."));
                        return;
                    }
                    put(text, false);
                    return;
                }
                case "inlineStr" -> {
                    put(inline.toString(), false);
                    return;
                }
                case "str", "d" -> {
                    put(v, false);
                    return;
                }
                case "b" -> {
                    put(v.strip().equals("1") ? "true" : "false", false);
                    return;
                }
                case "e" -> {
                    problems.add(Problem.at(
                            ProblemCode.WRONG_TYPE,
                            here(),
                            "",
                            "the cell shows the Excel error " + v + "; correct its formula or type the value."));
                    return;
                }
                default -> {
                    try {
                        double d = Double.parseDouble(v.strip());
                        put(Double.isFinite(d) ? Grid.numberText(d) : v, Double.isFinite(d));
                    } catch (NumberFormatException e) {
                        put(v, false);
                    }
                }
            }
        }

        private void put(String text, boolean number) {
            budget.cell(text.length());
            if (row > 0 && column > 0) {
                grid.put(new Grid.Cell(row, column, text, number));
            }
        }

        private static int parsePositive(String s, int fallback) {
            try {
                int v = Integer.parseInt(s);
                return v >= 0 ? v : fallback;
            } catch (NumberFormatException e) {
                return fallback;
            }
        }

        /** The column of a reference such as AB12 (28), or the fallback. */
        private static int columnOf(String ref, int fallback) {
            int c = 0;
            int i = 0;
            while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
                c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
                i++;
                if (c > 16_384) {
                    return fallback;
                }
            }
            return i == 0 ? fallback : c;
        }

        /** The row of a reference such as AB12 (12), or the fallback. */
        private static int rowOf(String ref, int fallback) {
            int i = 0;
            while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
                i++;
            }
            return parsePositive(ref.substring(i), fallback);
        }
    }
}
