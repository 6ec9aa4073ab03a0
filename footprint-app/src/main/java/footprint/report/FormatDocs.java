package footprint.report;

import footprint.model.FieldCatalogue;
import footprint.model.ModelMeaning;
import footprint.model.check.ProblemCode;
import footprint.model.check.Severity;
import java.util.Locale;

/**
 * Renders {@code docs/model-format.md} from the {@link FieldCatalogue} (and its closing section, what
 * the model means, from {@link ModelMeaning}) and {@code docs/errors.md} from {@link ProblemCode}, so
 * the documentation can never drift from what the reader accepts.
 * Regenerate both with {@code ./footprint docs --out docs}; a test fails when they are stale.
 */
public final class FormatDocs {
    private FormatDocs() {}

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** The model-format reference. */
    public static String modelFormat() {
        var b = new StringBuilder();
        b.append("# The model file format\n\n");
        b.append(
                "<!-- Generated from FieldCatalogue.java by `./footprint docs --out docs`: edit the catalogue, not this"
                        + " file. -->\n\n");
        b.append("A Footprint model is one YAML file (or the same structure in JSON, by the `.json` extension).\n"
                + "It describes a production network over a horizon of years: countries and their trade blocs,\n"
                + "assembly plants, products, component plants, markets and their demand, freight lanes, trade\n"
                + "rules, commitments and policy decisions. `examples/kaluga/base.yaml` is a complete example.\n"
                + "What the optimiser counts, and what the validator refuses, is stated point by point, with\n"
                + "worked examples, in [What the model means](#" + anchor(MEANING) + ").\n\n");
        b.append("## Conventions\n\n");
        b.append("- **Ids** are the keys of `countries`, `platforms`, `components`, `plants`, `products`,\n"
                + "  `component-plants` and `markets`. They start with a letter or digit, then letters, digits,\n"
                + "  `-`, `_` or `.`. Plants, component plants and markets share one namespace (lanes name them).\n"
                + "- **Numbers** are plain (`125000`, `1.5e6`, `125_000`) or percentages (`12%` is 0.12). NaN and\n"
                + "  infinities are refused.\n"
                + "- **Figures**: every numeric field takes a point, a range or a distribution, with an optional\n"
                + "  `source` and `unit` (see [Figure](#figure)). The optimiser uses one *nominal* value: the mode\n"
                + "  where one is given (range with `mode`, triangular), else the midpoint of `low` and `high`\n"
                + "  (range, uniform), else the mean (normal, lognormal). Risk analysis samples the rest.\n"
                + "- **Series**: fields marked *series* may change over the years (see [Series](#series)): explicit\n"
                + "  years (each holds until the next), linear interpolation between anchor years, and a growth\n"
                + "  rate from a year on.\n"
                + "- **Sources**: write `source: \"seed 000\"` for a fact from one of the case's articles, a web\n"
                + "  address, or `assumption` (optionally `assumption: why`). A `source` on any entry (a plant, a\n"
                + "  rule, a series, the whole file) applies to every figure inside it that names none.\n"
                + "  Assumptions should be ranges, so that risk analysis shows how much the answer depends on them.\n"
                + "- **Years** are four digits; spans are `2022`, `2021-2025`, `2022-` (from 2022 on), `-2025`\n"
                + "  or `all`.\n"
                + "- **Money** is in the currency of the plant or market that pays or earns it (its `currency`,\n"
                + "  else the model's base currency), converted with `fx`; lane costs are in the base currency.\n"
                + "- **Places** in trade rules are country codes or trade blocs; a rule on `EU` covers every\n"
                + "  country whose bloc is EU.\n\n");
        b.append("## Sections\n\n");
        for (FieldCatalogue.Section s : FieldCatalogue.sections()) {
            b.append("- [")
                    .append(s.title())
                    .append("](#")
                    .append(anchor(s.title()))
                    .append(")\n");
        }
        b.append("- [").append(MEANING).append("](#").append(anchor(MEANING)).append(")\n");
        b.append('\n');
        for (FieldCatalogue.Section s : FieldCatalogue.sections()) {
            b.append("## ").append(s.title()).append("\n\n");
            b.append(s.description()).append("\n\n");
            b.append("| field | type | unit | default | meaning |\n|---|---|---|---|---|\n");
            for (FieldCatalogue.Field f : s.fields()) {
                b.append("| `")
                        .append(f.name())
                        .append("` | ")
                        .append(cell(f.type()))
                        .append(" | ")
                        .append(cell(f.unit()))
                        .append(" | ")
                        .append(f.required() ? "**required**" : cell(f.defaultValue()))
                        .append(" | ")
                        .append(cell(f.meaning()))
                        .append(" |\n");
            }
            b.append("\n```yaml\n").append(s.example()).append("```\n\n");
        }
        meaning(b);
        return b.toString();
    }

    private static final String MEANING = "What the model means";

    /** The closing section: what the optimiser counts and the validator refuses, with worked examples. */
    private static void meaning(StringBuilder b) {
        b.append("## ").append(MEANING).append("\n\n");
        b.append(ModelMeaning.introduction()).append("\n\n");
        for (ModelMeaning.Point p : ModelMeaning.points()) {
            b.append("### ").append(p.title()).append("\n\n");
            b.append(p.text()).append("\n\n");
            if (!p.example().isEmpty()) {
                b.append("```yaml\n").append(p.example()).append("```\n\n");
            }
            if (!p.arithmetic().isEmpty()) {
                b.append(p.arithmetic()).append("\n\n");
            }
            b.append("Held by ");
            for (int i = 0; i < p.tests().size(); i++) {
                b.append(i == 0 ? "" : i == p.tests().size() - 1 ? " and " : ", ")
                        .append("`")
                        .append(p.tests().get(i))
                        .append("`");
            }
            b.append(".\n\n");
        }
    }

    private static String anchor(String title) {
        return title.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /** The list of problem codes. */
    public static String errors() {
        var b = new StringBuilder();
        b.append("# Problem codes\n\n");
        b.append("<!-- Generated from ProblemCode.java by `./footprint docs --out docs`. -->\n\n");
        b.append("Every problem Footprint reports in a model has a stable code. Errors (`FP-E…`) stop the model\n"
                + "from being used; warnings (`FP-W…`) flag legal but suspicious input, and count as errors with\n"
                + "`--strict`. Each problem names the file, line and column, the field's path (such as\n"
                + "`plants[kaluga].capacity`; list items count from 1, as in `lanes[3]`), and says what would be\n"
                + "valid.\n\n");
        b.append("| code | severity | problem | what to do |\n|---|---|---|---|\n");
        for (ProblemCode c : ProblemCode.values()) {
            b.append("| ")
                    .append(c.id())
                    .append(" | ")
                    .append(c.severity() == Severity.ERROR ? "error" : "warning")
                    .append(" | ")
                    .append(cell(c.title()))
                    .append(" | ")
                    .append(cell(c.explanation()))
                    .append(" |\n");
        }
        b.append("\nExit codes of the `footprint` command: 0 done; 1 internal error (a bug: please report it, with\n"
                + "`--debug` output); 2 wrong command line; 3 the input has errors; 4 no feasible plan.\n");
        return b.toString();
    }
}
