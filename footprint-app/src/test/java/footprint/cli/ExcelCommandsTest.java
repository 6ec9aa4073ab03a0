package footprint.cli;

import static footprint.cli.ValidateCommandTest.resource;
import static footprint.cli.ValidateCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import footprint.io.ModelReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExcelCommandsTest {
    @TempDir
    Path dir;

    @Test
    void export_then_import_gives_the_same_model() {
        Path xlsx = dir.resolve("tiny.xlsx");
        Path yaml = dir.resolve("tiny.yaml");
        ValidateCommandTest.Run export = run("export-model", resource("tiny.yaml"), "--xlsx", xlsx.toString());
        assertThat(export.exitCode()).isZero();
        assertThat(export.out()).contains("wrote " + xlsx);
        assertThat(export.err()).isEmpty();
        ValidateCommandTest.Run imported = run("import-model", xlsx.toString(), "--yaml", yaml.toString());
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("wrote " + yaml).contains("1 warning");
        assertThat(imported.err()).isEmpty();
        assertThat(ModelReader.read(yaml).network())
                .isPresent()
                .isEqualTo(ModelReader.read(Path.of(resource("tiny.yaml"))).network());
    }

    @Test
    void the_reference_case_goes_both_ways() {
        Path xlsx = dir.resolve("kaluga.xlsx");
        Path json = dir.resolve("kaluga.json");
        Path kaluga = Path.of("../examples/kaluga/base.yaml");
        assertThat(run("export-model", kaluga.toString(), "-o", xlsx.toString()).exitCode())
                .isZero();
        assertThat(run("import-model", xlsx.toString(), "-o", json.toString()).exitCode())
                .isZero();
        assertThat(ModelReader.read(json).network())
                .isPresent()
                .isEqualTo(ModelReader.read(kaluga).network());
    }

    @Test
    void neither_command_overwrites_without_force() throws Exception {
        Path xlsx = Files.writeString(dir.resolve("keep.xlsx"), "precious");
        ValidateCommandTest.Run r = run("export-model", resource("tiny.yaml"), "--xlsx", xlsx.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--force");
        assertThat(Files.readString(xlsx)).isEqualTo("precious");
        assertThat(run("export-model", resource("tiny.yaml"), "--xlsx", xlsx.toString(), "--force")
                        .exitCode())
                .isZero();
        Path yaml = Files.writeString(dir.resolve("keep.yaml"), "precious");
        r = run("import-model", xlsx.toString(), "--yaml", yaml.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Files.readString(yaml)).isEqualTo("precious");
        assertThat(run("import-model", xlsx.toString(), "--yaml", yaml.toString(), "--force")
                        .exitCode())
                .isZero();
    }

    @Test
    void a_model_with_errors_is_not_exported() {
        Path xlsx = dir.resolve("out.xlsx");
        ValidateCommandTest.Run r = run("export-model", resource("five-mistakes.yaml"), "--xlsx", xlsx.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.out()).contains("nothing written");
        assertThat(xlsx).doesNotExist();
    }

    @Test
    void a_workbook_must_be_named_xlsx_and_a_model_must_not_be() {
        ValidateCommandTest.Run r = run(
                "export-model",
                resource("tiny.yaml"),
                "--xlsx",
                dir.resolve("m.xls").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains(".xlsx");
        r = run(
                "import-model",
                resource("tiny.yaml"),
                "--yaml",
                dir.resolve("m.xlsx").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void a_bad_cell_is_reported_by_sheet_and_cell_and_nothing_is_written() throws Exception {
        Path xlsx = dir.resolve("tiny.xlsx");
        Path yaml = dir.resolve("tiny.yaml");
        assertThat(run("export-model", resource("tiny.yaml"), "--xlsx", xlsx.toString())
                        .exitCode())
                .isZero();
        String cell;
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet plants = wb.getSheet("plant-figures");
            Row row = plants.getRow(1);
            Cell value = row.getCell(4);
            assertThat(plants.getRow(0).getCell(4).getStringCellValue()).isEqualTo("value");
            value.setCellValue("a thousand");
            cell = value.getAddress().formatAsString();
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                wb.write(out);
            }
        }
        ValidateCommandTest.Run r = run("import-model", xlsx.toString(), "--yaml", yaml.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.out())
                .contains(xlsx + ", sheet plant-figures, cell " + cell + ": error FP-E006")
                .contains("'a thousand' is not a number")
                .contains(": 1 error; nothing written.");
        assertThat(r.err()).isEmpty();
        assertThat(yaml).doesNotExist();
    }

    @Test
    void a_file_that_is_not_a_workbook_is_refused_with_exit_3() {
        ValidateCommandTest.Run r = run(
                "import-model",
                resource("tiny.yaml"),
                "--yaml",
                dir.resolve("m.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.out()).contains("error FP-E002").contains("is not an Excel workbook (.xlsx)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void help_lists_both_commands() {
        ValidateCommandTest.Run r = run("--help");
        assertThat(r.out()).contains("export-model").contains("import-model");
        assertThat(run("import-model", "--help").out()).contains("sheet and cell");
    }
}
