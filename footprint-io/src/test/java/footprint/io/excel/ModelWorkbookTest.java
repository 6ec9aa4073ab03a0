package footprint.io.excel;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.io.ModelWriter;
import footprint.model.GeoPoint;
import footprint.model.Network;
import footprint.model.check.Problem;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelWorkbookTest {
    static final Path KALUGA = Path.of("../examples/kaluga/base.yaml");

    @TempDir
    Path dir;

    static Path tiny() {
        try {
            return Path.of(
                    ModelWorkbookTest.class.getResource("/models/tiny.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Network network(Path model) {
        ModelRead read = ModelReader.read(model);
        assertThat(read.errors()).as("errors of %s", model).isEmpty();
        return read.network().orElseThrow();
    }

    private Path exported(Path model) {
        Path xlsx = dir.resolve(model.getFileName().toString().replace(".yaml", ".xlsx"));
        ModelWorkbook.write(network(model), xlsx);
        return xlsx;
    }

    // ---- the round trip ---------------------------------------------------------------------------

    @Test
    void tiny_model_survives_yaml_to_excel_to_yaml() {
        roundTrip(tiny());
    }

    @Test
    void kaluga_reference_case_survives_yaml_to_excel_to_yaml() {
        roundTrip(KALUGA);
    }

    private void roundTrip(Path model) {
        Network original = network(model);
        Path xlsx = exported(model);
        ModelRead back = ModelWorkbook.read(xlsx);
        assertThat(back.errors()).isEmpty();
        assertThat(back.network()).contains(original);
        assertThat(ModelWriter.toYaml(back.network().orElseThrow())).isEqualTo(ModelWriter.toYaml(original));
        assertThat(back.warnings().size())
                .isEqualTo(ModelReader.read(model).warnings().size());
    }

    @Test
    void a_second_export_of_the_imported_model_gives_the_same_cells() throws Exception {
        Path first = exported(KALUGA);
        Path second = dir.resolve("again.xlsx");
        ModelWorkbook.write(ModelWorkbook.read(first).network().orElseThrow(), second);
        try (var a = new XSSFWorkbook(first.toFile());
                var b = new XSSFWorkbook(second.toFile())) {
            DataFormatter f = new DataFormatter();
            for (Sheet s : a) {
                Sheet t = b.getSheet(s.getSheetName());
                for (Row r : s) {
                    for (Cell c : r) {
                        assertThat(f.formatCellValue(t.getRow(r.getRowNum()).getCell(c.getColumnIndex())))
                                .isEqualTo(f.formatCellValue(c));
                    }
                }
            }
        }
    }

    // ---- the layout a planner sees ----------------------------------------------------------------

    @Test
    void workbook_has_a_readme_then_one_sheet_per_table_with_frozen_filtered_explained_headers() throws Exception {
        Path xlsx = exported(KALUGA);
        try (var wb = new XSSFWorkbook(xlsx.toFile())) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names.get(0)).isEqualTo("README");
            assertThat(names)
                    .containsSubsequence(
                            "model",
                            "fx",
                            "countries",
                            "platforms",
                            "components",
                            "plants",
                            "plant-figures",
                            "tooling",
                            "plant-status",
                            "products",
                            "bom",
                            "prices",
                            "component-plants",
                            "markets",
                            "segments",
                            "demand",
                            "shares",
                            "lanes",
                            "duties",
                            "bans",
                            "local-content",
                            "commitments",
                            "decisions");
            String readme = text(wb.getSheet("README"));
            assertThat(readme)
                    .contains("import-model")
                    .contains("low and high")
                    .contains("source")
                    .contains("assumption")
                    .contains("unit")
                    .contains("growth");
            for (String name : names.subList(1, names.size())) {
                XSSFSheet s = wb.getSheet(name);
                assertThat(s.getPaneInformation().isFreezePane()).as(name).isTrue();
                assertThat(s.getPaneInformation().getHorizontalSplitPosition())
                        .as(name)
                        .isEqualTo((short) 1);
                assertThat(s.getCTWorksheet().isSetAutoFilter()).as(name).isTrue();
                assertThat(s.getRow(0).getCell(0).getCellComment()).as(name).isNotNull();
                assertThat(s.getColumnWidth(0)).as(name).isGreaterThan(8 * 256);
            }
            XSSFSheet figures = wb.getSheet("plant-figures");
            Row capacity = find(figures, Map.of("plant", "kaluga", "field", "capacity"));
            assertThat(format(figures, capacity, "value")).isEqualTo("125,000");
            Row ownership = find(figures, Map.of("plant", "kaluga", "field", "ownership"));
            assertThat(format(figures, ownership, "mode")).isEqualTo("70%");
            assertThat(figures.getRow(0)
                            .getCell(column(figures, "source"))
                            .getCellComment()
                            .getString()
                            .getString())
                    .contains("assumption");
            XSSFSheet demand = wb.getSheet("demand");
            Row volume = find(demand, Map.of("market", "RU", "segment", "all-cars", "year", "2024"));
            assertThat(format(demand, volume, "year")).isEqualTo("2024");
            assertThat(format(demand, volume, "value")).isEqualTo("1,300,000");
            Row growth = find(demand, Map.of("market", "RU", "segment", "all-cars", "year", "growth"));
            assertThat(format(demand, growth, "value")).isEqualTo("1%");
            assertThat(format(demand, growth, "growth-from")).isEqualTo("2027");
            XSSFSheet lanes = wb.getSheet("lanes");
            assertThat(lanes.getDataValidations()).isNotEmpty();
            assertThat(format(lanes, find(lanes, Map.of("from", "kaluga", "to", "FR")), "years"))
                    .isEqualTo("2022-");
        }
    }

    // ---- bad cells, reported by sheet, row and column ---------------------------------------------

    @Test
    void text_in_a_number_column_is_reported_at_its_cell() throws Exception {
        Path xlsx = exported(tiny());
        String cell = edit(xlsx, "plant-figures", Map.of("plant", "north", "field", "capacity"), "value", "lots");
        ModelRead read = ModelWorkbook.read(xlsx);
        assertThat(read.ok()).isFalse();
        assertThat(lines(read))
                .anySatisfy(l -> assertThat(l)
                        .startsWith(xlsx + ", sheet plant-figures, cell " + cell + ": error FP-E006")
                        .contains("'lots' is not a number"));
    }

    @Test
    void an_unknown_field_is_reported_at_its_cell_with_the_closest_name() throws Exception {
        Path xlsx = exported(tiny());
        String cell =
                edit(xlsx, "plant-figures", Map.of("plant", "north", "field", "fixed-cost"), "field", "fixed-cots");
        assertThat(lines(ModelWorkbook.read(xlsx)))
                .anySatisfy(l -> assertThat(l)
                        .startsWith(xlsx + ", sheet plant-figures, cell " + cell + ": error FP-E003")
                        .contains("Did you mean 'fixed-cost'?"));
    }

    @Test
    void an_unknown_reference_is_reported_at_its_cell() throws Exception {
        Path xlsx = exported(tiny());
        String cell = edit(xlsx, "plants", Map.of("id", "north"), "country", "FX");
        assertThat(lines(ModelWorkbook.read(xlsx)))
                .anySatisfy(l -> assertThat(l)
                        .startsWith(xlsx + ", sheet plants, cell " + cell + ": error FP-E010")
                        .contains("FX"));
    }

    @Test
    void a_row_for_a_plant_no_row_of_plants_defines_is_reported_at_its_cell() throws Exception {
        Path xlsx = exported(tiny());
        String cell = edit(xlsx, "plant-figures", Map.of("plant", "east", "year", "2024"), "plant", "eats");
        assertThat(lines(ModelWorkbook.read(xlsx)))
                .anySatisfy(l -> assertThat(l)
                        .startsWith(xlsx + ", sheet plant-figures, cell " + cell + ": error FP-E010")
                        .contains("'eats' is not on the plants sheet. Did you mean 'east'?"));
    }

    @Test
    void an_unknown_column_or_sheet_is_reported_once_at_its_header() throws Exception {
        Path xlsx = exported(tiny());
        edit(xlsx, wb -> {
            Row header = wb.getSheet("plants").getRow(0);
            header.getCell(column(wb.getSheet("plants"), "country")).setCellValue("contry");
            wb.createSheet("plant");
            wb.createSheet("# my notes").createRow(0).createCell(0).setCellValue("anything");
        });
        List<String> lines = lines(ModelWorkbook.read(xlsx));
        assertThat(lines)
                .filteredOn(l -> l.contains("contry"))
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .startsWith(xlsx + ", sheet plants, cell C1: error FP-E003")
                        .contains("Did you mean 'country'?"));
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith(xlsx + ", sheet plant: error FP-E003")
                        .contains("Did you mean 'plants'?"));
        assertThat(lines).noneMatch(l -> l.contains("my notes"));
    }

    @Test
    void a_bad_year_in_a_series_is_reported_at_its_cell() throws Exception {
        Path xlsx = exported(tiny());
        String cell = edit(xlsx, "plant-figures", Map.of("plant", "east", "year", "2026"), "year", "2O26");
        assertThat(lines(ModelWorkbook.read(xlsx)))
                .anySatisfy(l -> assertThat(l)
                        .startsWith(xlsx + ", sheet plant-figures, cell " + cell + ": error FP-E003")
                        .contains("'2O26' is neither a year"));
    }

    @Test
    void what_a_planner_types_reads_as_in_yaml_percentages_formulas_notes_and_sorted_rows() throws Exception {
        Path xlsx = exported(tiny());
        Network original = network(tiny());
        edit(xlsx, wb -> {
            XSSFSheet model = wb.getSheet("model");
            Row rate = find(model, Map.of("field", "discount-rate"));
            rate.getCell(column(model, "low")).setCellValue("6%");
            XSSFSheet demand = wb.getSheet("demand");
            Row fr = find(demand, Map.of("market", "FR", "year", "2024"));
            fr.getCell(column(demand, "value")).setCellFormula("300*3");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            XSSFSheet plants = wb.getSheet("plants");
            plants.getRow(0).createCell(10).setCellValue("# remarks");
            plants.getRow(1).createCell(10).setCellValue("checked by phone");
            XSSFSheet lanes = wb.getSheet("lanes");
            lanes.shiftRows(1, lanes.getLastRowNum(), 1);
            lanes.shiftRows(lanes.getLastRowNum(), lanes.getLastRowNum(), -lanes.getLastRowNum() + 1);
        });
        ModelRead read = ModelWorkbook.read(xlsx);
        assertThat(read.errors()).isEmpty();
        Network back = read.network().orElseThrow();
        assertThat(back.discountRate()).isEqualTo(original.discountRate());
        assertThat(back.markets()).isEqualTo(original.markets());
        assertThat(back.plants()).isEqualTo(original.plants());
        assertThat(back.lanes()).containsExactlyInAnyOrderElementsOf(original.lanes());
    }

    // ---- map locations ----------------------------------------------------------------------------

    /** tiny.yaml with locations for the country FR, the plant north and the market RU. */
    private Path located() throws Exception {
        String yaml = Files.readString(tiny())
                .replace(
                        "  FR: {name: France, bloc: EU}",
                        "  FR: {name: France, bloc: EU, location: {lat: 48.86, lon: 2.35}}")
                .replace(
                        "  north:\n    country: FR\n",
                        "  north:\n    country: FR\n    location: {lat: 51.88, lon: -0.42}\n")
                .replace(
                        "  RU:\n    country: RU\n    segments",
                        "  RU:\n    country: RU\n    location: {lat: -33.9, lon: 151.2}\n    segments");
        Path model = dir.resolve("located.yaml");
        Files.writeString(model, yaml);
        return model;
    }

    @Test
    void locations_survive_yaml_to_excel_to_yaml_in_two_columns_the_catalogue_explains() throws Exception {
        Path model = located();
        assertThat(network(model).locations()).containsOnlyKeys("countries[FR]", "plants[north]", "markets[RU]");
        roundTrip(model);
        try (var wb = new XSSFWorkbook(exported(model).toFile())) {
            for (String sheet : List.of("countries", "plants", "component-plants", "markets")) {
                XSSFSheet s = wb.getSheet(sheet);
                assertThat(column(s, "location.lon")).as(sheet).isEqualTo(column(s, "location.lat") + 1);
                assertThat(s.getRow(0)
                                .getCell(column(s, "location.lat"))
                                .getCellComment()
                                .getString()
                                .getString())
                        .as(sheet)
                        .contains("map")
                        .contains("Latitude, -90 (south) to 90 (north).");
            }
            XSSFSheet plants = wb.getSheet("plants");
            Row north = find(plants, Map.of("id", "north"));
            assertThat(format(plants, north, "location.lat")).isEqualTo("51.88");
            assertThat(format(plants, north, "location.lon")).isEqualTo("-0.42");
            assertThat(find(plants, Map.of("id", "east")).getCell(column(plants, "location.lat")))
                    .isNull();
            assertThat(plants.getRow(0)
                            .getCell(column(plants, "location.lon"))
                            .getCellComment()
                            .getString()
                            .getString())
                    .contains("Longitude, -180 (west) to 180 (east).");
            XSSFSheet markets = wb.getSheet("markets");
            assertThat(format(markets, find(markets, Map.of("id", "RU")), "location.lat"))
                    .isEqualTo("-33.9");
        }
    }

    @Test
    void a_location_off_the_globe_or_half_given_is_reported_at_the_cell_to_correct() throws Exception {
        Path xlsx = exported(located());
        String[] cells = new String[3];
        edit(xlsx, wb -> {
            XSSFSheet plants = wb.getSheet("plants");
            Cell lat = find(plants, Map.of("id", "north")).getCell(column(plants, "location.lat"));
            lat.setCellValue(95);
            cells[0] = lat.getAddress().formatAsString();
            XSSFSheet markets = wb.getSheet("markets");
            Row ru = find(markets, Map.of("id", "RU"));
            Cell lon = ru.getCell(column(markets, "location.lon"));
            lon.setCellValue(-200);
            cells[1] = lon.getAddress().formatAsString();
            XSSFSheet countries = wb.getSheet("countries");
            Row fr = find(countries, Map.of("code", "FR"));
            Cell frLon = fr.getCell(column(countries, "location.lon"));
            cells[2] = frLon.getAddress().formatAsString();
            fr.removeCell(frLon);
        });
        ModelRead read = ModelWorkbook.read(xlsx);
        assertThat(read.ok()).isFalse();
        assertThat(lines(read))
                .anySatisfy(l -> assertThat(l)
                        .startsWith(xlsx + ", sheet plants, cell " + cells[0] + ": error FP-E007")
                        .contains("lat from -90 to 90"))
                .anySatisfy(l -> assertThat(l)
                        .startsWith(xlsx + ", sheet markets, cell " + cells[1] + ": error FP-E007")
                        .contains("lon from -180 to 180"))
                .anySatisfy(l -> assertThat(l)
                        .startsWith(xlsx + ", sheet countries, cell " + cells[2] + ": error FP-E004")
                        .contains("'lon'"));
    }

    @Test
    void a_location_typed_as_text_is_reported_at_its_cell() throws Exception {
        Path xlsx = exported(located());
        String cell = edit(xlsx, "plants", Map.of("id", "north"), "location.lat", "51°53' N");
        assertThat(lines(ModelWorkbook.read(xlsx)))
                .anySatisfy(l -> assertThat(l)
                        .startsWith(xlsx + ", sheet plants, cell " + cell + ": error FP-E006")
                        .contains("is not a number"));
    }

    // ---- a workbook wherever a model file goes ---------------------------------------------------

    @Test
    void model_reader_reads_an_xlsx_file_as_a_workbook_with_problems_by_cell() throws Exception {
        Path xlsx = exported(KALUGA);
        ModelRead read = ModelReader.read(xlsx);
        assertThat(read.errors()).isEmpty();
        assertThat(read.network()).contains(network(KALUGA));
        Path upper = Files.copy(xlsx, dir.resolve("KALUGA.XLSX"));
        assertThat(ModelReader.read(upper).network()).contains(network(KALUGA));
        String cell = edit(xlsx, "plant-figures", Map.of("plant", "kaluga", "field", "capacity"), "value", "lots");
        assertThat(lines(ModelReader.read(xlsx)))
                .anySatisfy(l ->
                        assertThat(l).startsWith(xlsx + ", sheet plant-figures, cell " + cell + ": error FP-E006"));
        Path fake = dir.resolve("fake.xlsx");
        Files.copy(tiny(), fake);
        assertThat(ModelReader.read(fake).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.toString()).contains("FP-E002").contains("not an Excel workbook"));
    }

    @Test
    void a_scenario_may_extend_a_workbook_and_problems_in_it_are_reported_by_cell() throws Exception {
        Network base = network(tiny());
        exported(tiny());
        Path scenario = dir.resolve("smaller-north.yaml");
        Files.writeString(scenario, """
                footprint: 1
                extends: tiny.xlsx
                name: Smaller north
                changes:
                  - set: plants[north].capacity
                    to: {value: 700, source: "seed 000"}
                  - set: plants[north].location
                    to: {lat: 51.88, lon: -0.42}
                """);
        ModelRead read = ModelReader.read(scenario);
        assertThat(read.errors()).isEmpty();
        Network n = read.network().orElseThrow();
        assertThat(n.name()).isEqualTo("Smaller north");
        assertThat(n.plant("north").orElseThrow().capacity().nominal(2024)).isEqualTo(700);
        assertThat(n.locationOf("north")).contains(new GeoPoint(51.88, -0.42));
        assertThat(n.markets()).isEqualTo(base.markets());
        assertThat(n.plant("east")).isEqualTo(base.plant("east"));

        Path xlsx = dir.resolve("tiny.xlsx");
        String cell = edit(xlsx, "plant-figures", Map.of("plant", "east", "year", "2026"), "value", "lots");
        assertThat(lines(ModelReader.read(scenario)))
                .anySatisfy(l -> assertThat(l)
                        .startsWith(xlsx.toAbsolutePath() + ", sheet plant-figures, cell " + cell + ": error FP-E006"));
    }

    // ---- files that are not workbooks -------------------------------------------------------------

    @Test
    void a_text_file_renamed_xlsx_is_refused_clearly() throws Exception {
        Path fake = dir.resolve("model.xlsx");
        Files.copy(tiny(), fake);
        assertRefused(fake, "is not an Excel workbook (.xlsx) but text");
        Files.writeString(fake, "plant,capacity\nkaluga,125000\n");
        assertRefused(fake, "is not an Excel workbook (.xlsx); it holds text");
    }

    @Test
    void a_zip_that_is_not_a_workbook_is_refused_clearly() throws Exception {
        Path zip = dir.resolve("archive.xlsx");
        try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("hello.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertRefused(zip, "is a zip archive but not an Excel workbook (.xlsx)");
    }

    @Test
    void old_xls_empty_missing_and_folders_are_refused_clearly() throws Exception {
        Path xls = dir.resolve("old.xlsx");
        byte[] ole = new byte[1024];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole, 0, magic.length);
        Files.write(xls, ole);
        assertRefused(xls, "Excel 97-2003 workbook (.xls)");
        Path empty = Files.createFile(dir.resolve("empty.xlsx"));
        assertRefused(empty, "is empty");
        assertRefused(dir.resolve("missing.xlsx"), "does not exist");
        assertRefused(dir, "is a directory");
    }

    @Test
    void a_workbook_without_a_model_sheet_is_refused() throws Exception {
        Path other = dir.resolve("budget.xlsx");
        try (var wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(other)) {
            wb.createSheet("Budget").createRow(0).createCell(0).setCellValue("cost");
            wb.write(out);
        }
        assertRefused(other, "has no sheet named model");
    }

    @Test
    void a_zip_bomb_is_refused_without_reading_it_all() throws Exception {
        Path workbook = exported(tiny());
        Path bomb = dir.resolve("bomb.xlsx");
        // The tiny workbook with its plants sheet replaced by 200 MiB of blanks (valid XML once wrapped, but
        // the reader must not get that far), which compress to about 200 kB.
        byte[] blanks = new byte[1 << 20];
        java.util.Arrays.fill(blanks, (byte) ' ');
        replacePlantsSheet(workbook, bomb, blanks, 200);
        assertThat(Files.size(bomb)).isLessThan(2L << 20);
        assertRefused(bomb, "zip bomb");
    }

    @Test
    void a_damaged_workbook_or_one_declaring_xml_entities_is_refused() throws Exception {
        Path workbook = exported(tiny());
        Path cut = dir.resolve("cut.xlsx");
        byte[] bytes = Files.readAllBytes(workbook);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(cut, "damaged");
        Path laughs = dir.resolve("laughs.xlsx");
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a0 \"ha\">");
        for (int i = 1; i < 10; i++) {
            xml.append("<!ENTITY a")
                    .append(i)
                    .append(" \"")
                    .append(("&a" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        xml.append("]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&a9;</t></is></c></row></sheetData></worksheet>");
        replacePlantsSheet(workbook, laughs, xml.toString().getBytes(StandardCharsets.UTF_8), 1);
        ModelRead read = ModelWorkbook.read(laughs);
        assertThat(read.ok()).isFalse();
        assertThat(read.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.toString())
                        .startsWith(laughs + ", sheet plants: error FP-E002")
                        .contains("declares a document type (<!DOCTYPE ...>) (line 1, column ")
                        .doesNotContain("disallowed")
                        .doesNotContain("http://"));
    }

    @Test
    void a_deleted_sheet_gives_one_problem_naming_it() throws Exception {
        Path xlsx = exported(tiny());
        edit(xlsx, wb -> wb.removeSheetAt(wb.getSheetIndex("plants")));
        assertThat(lines(ModelWorkbook.read(xlsx)))
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .startsWith(xlsx + ": error FP-E004")
                        .contains("the workbook has no sheet plants"));
    }

    @Test
    void a_workbook_without_its_table_of_shared_texts_is_reported_in_a_planners_words() throws Exception {
        Path workbook = exported(tiny());
        Path damaged = dir.resolve("damaged.xlsx");
        try (var in = new java.util.zip.ZipFile(workbook.toFile());
                var out = new ZipOutputStream(Files.newOutputStream(damaged))) {
            for (var e : java.util.Collections.list(in.entries())) {
                if (e.getName().endsWith("sharedStrings.xml")) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                try (var data = in.getInputStream(e)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        ModelRead read = ModelWorkbook.read(damaged);
        assertThat(read.ok()).isFalse();
        assertThat(lines(read))
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .startsWith(damaged + ", sheet model: error FP-E002")
                        .contains("refers to shared texts (cell A1")
                        .contains("has no table of shared texts")
                        .doesNotContain("strings: null")
                        .doesNotContain("Cannot get item"));
    }

    /** A copy of a workbook whose plants sheet is {@code xml}, {@code times} times over. */
    private static void replacePlantsSheet(Path workbook, Path copy, byte[] xml, int times) throws Exception {
        try (var in = new java.util.zip.ZipFile(workbook.toFile());
                var out = new ZipOutputStream(Files.newOutputStream(copy))) {
            String plants = plantsSheetPart(workbook);
            for (var e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(plants)) {
                    for (int i = 0; i < times; i++) {
                        out.write(xml);
                    }
                } else {
                    try (var data = in.getInputStream(e)) {
                        data.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
    }

    private static String plantsSheetPart(Path workbook) throws Exception {
        try (var wb = new XSSFWorkbook(workbook.toFile())) {
            return wb.getSheet("plants")
                    .getPackagePart()
                    .getPartName()
                    .getName()
                    .substring(1);
        }
    }

    private static void assertRefused(Path path, String why) {
        ModelRead read = ModelWorkbook.read(path);
        assertThat(read.ok()).isFalse();
        assertThat(read.problems()).singleElement().satisfies(p -> {
            assertThat(p.code().id()).isEqualTo("FP-E002");
            assertThat(p.toString()).startsWith(path + ": error FP-E002").contains(why);
        });
    }

    // ---- helpers ----------------------------------------------------------------------------------

    static List<String> lines(ModelRead read) {
        return read.problems().stream().map(Problem::toString).toList();
    }

    private static String text(Sheet s) {
        StringBuilder b = new StringBuilder();
        DataFormatter f = new DataFormatter();
        s.forEach(r -> r.forEach(c -> b.append(f.formatCellValue(c)).append('\n')));
        return b.toString();
    }

    static int column(Sheet s, String header) {
        for (Cell c : s.getRow(0)) {
            if (c.getStringCellValue().equals(header)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header + " in " + s.getSheetName());
    }

    /** The first row whose cells show the given texts. */
    static Row find(Sheet s, Map<String, String> match) {
        DataFormatter f = new DataFormatter();
        for (Row r : s) {
            if (r.getRowNum() == 0) {
                continue;
            }
            boolean all = match.entrySet().stream().allMatch(e -> {
                Cell c = r.getCell(column(s, e.getKey()));
                return c != null && f.formatCellValue(c).equals(e.getValue());
            });
            if (all) {
                return r;
            }
        }
        throw new AssertionError("no row " + match + " in " + s.getSheetName());
    }

    private static String format(Sheet s, Row r, String header) {
        return new DataFormatter().formatCellValue(r.getCell(column(s, header)));
    }

    static void edit(Path xlsx, Consumer<XSSFWorkbook> change) throws Exception {
        Path tmp = xlsx.resolveSibling("edited.tmp");
        try (var wb = new XSSFWorkbook(Files.newInputStream(xlsx));
                OutputStream out = Files.newOutputStream(tmp)) {
            change.accept(wb);
            wb.write(out);
        }
        Files.move(tmp, xlsx, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Sets a cell of the row matching {@code match} to a text; returns the cell's name, as C4. */
    static String edit(Path xlsx, String sheet, Map<String, String> match, String header, String text)
            throws Exception {
        String[] name = new String[1];
        edit(xlsx, wb -> {
            XSSFSheet s = wb.getSheet(sheet);
            Row r = find(s, match);
            Cell c = r.getCell(column(s, header));
            if (c == null) {
                c = r.createCell(column(s, header));
            }
            c.setCellValue(text);
            name[0] = c.getAddress().formatAsString();
        });
        return name[0];
    }
}
