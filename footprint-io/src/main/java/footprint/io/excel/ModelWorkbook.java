package footprint.io.excel;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.io.ParsedTree;
import footprint.model.Network;
import footprint.model.check.Location;
import footprint.model.check.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A model as an Excel workbook (.xlsx): a README sheet and one sheet per table of the model
 * (plants, plant-figures, products, prices, markets, demand, lanes, duties, ...), each figure
 * over the columns value | low | high | mode | dist | mean | sd | source | unit, a series by year
 * one row per year. Reading a workbook gives the same {@link ModelRead} as reading a YAML file:
 * the workbook's cells become the same document, each node placed at its cell, and the same
 * binder and validator check it, so every problem is reported by sheet, row and column. Writing
 * then reading gives an equal network.
 */
public final class ModelWorkbook {
    private ModelWorkbook() {}

    /**
     * Reads and checks a workbook. A file that is not an .xlsx workbook, that expands like a zip
     * bomb, or that is far larger than a model is refused (FP-E002); nothing here throws for a bad
     * file.
     */
    public static ModelRead read(Path path) {
        String file = path.toString();
        ParsedTree parsed = parse(path);
        List<Problem> problems = new ArrayList<>(parsed.problems());
        if (parsed.tree().isEmpty()) {
            return new ModelRead(file, Optional.empty(), problems);
        }
        ModelRead bound = ModelReader.bind(parsed.tree().get(), file);
        for (Problem p : bound.problems()) {
            problems.add(unplacedInText(p, file) ? p.locatedAt(new Location(file, 0, 0)) : p);
        }
        boolean errors = problems.stream().anyMatch(Problem::isError);
        return new ModelRead(file, errors ? Optional.empty() : bound.network(), problems, bound.places());
    }

    /**
     * The document of a workbook, each node placed at its cell, with the problems of the file and of
     * its sheets' shape; not yet bound or checked. A scenario may extend a workbook through this: its
     * problems in the base are then reported by sheet and cell. Nothing here throws for a bad file.
     */
    public static ParsedTree parse(Path path) {
        WorkbookReader.Cells cells =
                WorkbookReader.read(path, name -> Layout.sheet(name).isPresent());
        if (cells.refused()) {
            return new ParsedTree(Optional.empty(), cells.problems());
        }
        ParsedTree parsed = TreeAssembler.assemble(path.toString(), cells);
        List<Problem> problems = new ArrayList<>(cells.problems());
        problems.addAll(parsed.problems());
        return new ParsedTree(parsed.tree(), problems);
    }

    /**
     * The validator places a problem it cannot tie to a cell at line 1 of a text file; for a
     * workbook, the file alone says it better.
     */
    private static boolean unplacedInText(Problem p, String file) {
        return p.location()
                .map(l -> l.file().equals(file) && l.sheet().isEmpty() && l.line() == 1 && l.column() == 1)
                .orElse(false);
    }

    /**
     * Writes a network as a workbook, through a temporary file in the same folder, so an existing
     * file is replaced whole or not at all.
     *
     * @throws UncheckedIOException when the file cannot be written
     * @throws IllegalArgumentException when a text is too long for a cell (32,767 characters)
     */
    public static void write(Network network, Path path) {
        try {
            WorkbookWriter.write(network, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
