package io.tributary.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Writes a report as Markdown (for people) and JSON (for scripts comparing runs), side by side. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** Writes {@code <name>.md} and {@code <name>.json} into the folder. */
    public static void write(BenchReport report, Path folder, String name) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name + ".md"), markdown(report, name));
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(folder.resolve(name + ".json").toFile(), json(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String markdown(BenchReport report, String name) {
        StringBuilder md = new StringBuilder("# Tributary benchmark\n\n");
        md.append("Written by `./tributary bench").append(report.scale().getOrDefault("mode", "").equals("quick") ? " --quick" : "")
                .append("` on ").append(report.started()).append(" (took ").append(report.took().toSeconds())
                .append(" s); the same figures as JSON in [`").append(name).append(".json`](").append(name).append(".json).\n")
                .append("Every ratio is the figure divided by its baseline, both measured in this run on the same servers, ")
                .append("so it survives a noisy machine better than either figure alone.\n\n");
        table(md, "Machine", report.machine());
        table(md, "Server settings that matter", report.settings());
        table(md, "Scale", report.scale());
        for (Section section : report.sections()) {
            md.append("## ").append(section.title()).append("\n\n");
            if (!section.figures().isEmpty()) {
                md.append("| what | figure | detail | baseline | baseline figure | ratio | note |\n|---|---:|---|---|---:|---:|---|\n");
                for (Figure figure : section.figures()) {
                    md.append("| ").append(figure.what())
                            .append(" | ").append(number(figure.value())).append(' ').append(figure.unit())
                            .append(" | ").append(figure.detail())
                            .append(" | ").append(figure.baseline() == null ? "—" : figure.baseline())
                            .append(" | ").append(figure.baseline() == null ? "—" : number(figure.baselineValue()))
                            .append(" | ").append(Double.isNaN(figure.ratio()) ? "—" : String.format(Locale.ROOT, "%.2f×", figure.ratio()))
                            .append(" | ").append(figure.note()).append(" |\n");
                }
                md.append('\n');
            }
            for (String note : section.notes()) {
                md.append("- ").append(note).append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static void table(StringBuilder md, String title, Map<String, String> rows) {
        md.append("## ").append(title).append("\n\n| | |\n|---|---|\n");
        rows.forEach((key, value) -> md.append("| ").append(key).append(" | ").append(value).append(" |\n"));
        md.append('\n');
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 || value == Math.rint(value)
                ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static ObjectNode json(BenchReport report) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("started", report.started().toString());
        root.put("tookSeconds", report.took().toSeconds());
        root.set("machine", mapper.valueToTree(report.machine()));
        root.set("settings", mapper.valueToTree(report.settings()));
        root.set("scale", mapper.valueToTree(report.scale()));
        ArrayNode sections = root.putArray("sections");
        for (Section section : report.sections()) {
            ObjectNode node = sections.addObject();
            node.put("title", section.title());
            ArrayNode figures = node.putArray("figures");
            for (Figure figure : section.figures()) {
                ObjectNode row = figures.addObject();
                row.put("what", figure.what());
                putNumber(row, "value", figure.value());
                row.put("unit", figure.unit());
                row.put("detail", figure.detail());
                row.put("baseline", figure.baseline());
                putNumber(row, "baselineValue", figure.baselineValue());
                putNumber(row, "ratio", figure.ratio());
                row.put("note", figure.note());
            }
            node.set("notes", mapper.valueToTree(section.notes()));
        }
        return root;
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
