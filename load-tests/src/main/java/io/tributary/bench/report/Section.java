package io.tributary.bench.report;

import java.util.ArrayList;
import java.util.List;

/** One scenario's results: its figures and notes (what ran, what was skipped and why). */
public final class Section {

    private final String title;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Section(String title) {
        this.title = title;
    }

    public Section add(Figure figure) {
        figures.add(figure);
        return this;
    }

    public Section note(String note) {
        notes.add(note);
        return this;
    }

    public String title() {
        return title;
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }
}
