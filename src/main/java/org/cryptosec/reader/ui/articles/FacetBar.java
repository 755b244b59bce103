package org.cryptosec.reader.ui.articles;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.cryptosec.reader.model.Facet;
import org.cryptosec.reader.model.FacetDimension;
import org.cryptosec.reader.model.FacetFilter;
import org.cryptosec.reader.model.FacetValue;
import org.cryptosec.reader.model.SearchSort;
import org.cryptosec.reader.ui.Messages;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Under the search box while a search is on: one dropdown per facet (source, author, language,
 * tag, year) with its values and counts, chips for the chosen values (click to drop one), and the
 * order of the hits (best match or newest).
 */
public final class FacetBar extends VBox {

    /** Values offered per dropdown. */
    static final int MAX_VALUES = 15;
    private static final List<FacetDimension> SHOWN = List.of(FacetDimension.SOURCE, FacetDimension.AUTHOR,
            FacetDimension.LANGUAGE, FacetDimension.TAG, FacetDimension.YEAR);

    private final ArticleListViewModel model;
    private final FlowPane dropdowns = new FlowPane(2, 4);
    private final FlowPane chips = new FlowPane(4, 4);
    private final ToggleButton relevance = new ToggleButton(Messages.get("search.sort.relevance"));
    private final ToggleButton newest = new ToggleButton(Messages.get("search.sort.date"));
    private final HBox sortBox;

    public FacetBar(ArticleListViewModel model) {
        super(4);
        this.model = model;
        setId("facetBar");
        getStyleClass().add("facet-bar");
        visibleProperty().bind(model.searchingProperty());
        managedProperty().bind(visibleProperty());

        ToggleGroup order = new ToggleGroup();
        relevance.setId("sortRelevance");
        newest.setId("sortDate");
        relevance.setToggleGroup(order);
        newest.setToggleGroup(order);
        relevance.getStyleClass().addAll(Styles.SMALL, Styles.LEFT_PILL);
        newest.getStyleClass().addAll(Styles.SMALL, Styles.RIGHT_PILL);
        relevance.setTooltip(new Tooltip(Messages.get("search.sort.tooltip")));
        newest.setTooltip(new Tooltip(Messages.get("search.sort.tooltip")));
        relevance.setSelected(model.sortProperty().get() == SearchSort.RELEVANCE);
        newest.setSelected(model.sortProperty().get() == SearchSort.DATE);
        order.selectedToggleProperty().addListener((obs, old, chosen) -> {
            if (chosen == null) {
                old.setSelected(true); // one of the two is always on
                return;
            }
            model.sortProperty().set(chosen == newest ? SearchSort.DATE : SearchSort.RELEVANCE);
        });
        model.sortProperty().addListener((obs, old, sort) -> (sort == SearchSort.DATE ? newest : relevance)
                .setSelected(true));

        relevance.setMinWidth(Region.USE_PREF_SIZE);
        newest.setMinWidth(Region.USE_PREF_SIZE);
        sortBox = new HBox(relevance, newest);
        sortBox.setMinWidth(Region.USE_PREF_SIZE);
        sortBox.visibleProperty().bind(model.searchingProperty());
        sortBox.managedProperty().bind(sortBox.visibleProperty());
        dropdowns.setMinWidth(0);
        dropdowns.setAlignment(Pos.CENTER_LEFT);
        dropdowns.prefWrapLengthProperty().bind(widthProperty());
        chips.setId("facetChips");
        chips.managedProperty().bind(chips.visibleProperty());
        getChildren().addAll(dropdowns, chips);

        model.facets().addListener((ListChangeListener<Facet>) c -> rebuildDropdowns());
        model.facetFilters().addListener((ListChangeListener<FacetFilter>) c -> rebuildChips());
        rebuildDropdowns();
        rebuildChips();
    }

    /** Best match | Newest (placed by the list on its info line). */
    public HBox sortBox() {
        return sortBox;
    }

    /** The dropdown of this dimension, or null when the search has no values for it. */
    public MenuButton dropdown(FacetDimension dimension) {
        return (MenuButton) dropdowns.getChildren().stream()
                .filter(n -> ("facet-" + dimension.key()).equals(n.getId())).findFirst().orElse(null);
    }

    private void rebuildDropdowns() {
        dropdowns.getChildren().clear();
        for (FacetDimension dimension : SHOWN) {
            Facet facet = model.facets().stream().filter(f -> f.dimension() == dimension).findFirst().orElse(null);
            if (facet == null || facet.values().isEmpty()) {
                continue;
            }
            MenuButton button = new MenuButton(Messages.get("facet." + dimension.key()));
            button.setId("facet-" + dimension.key());
            button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            button.setMinWidth(Region.USE_PREF_SIZE);
            for (FacetValue value : facet.values().stream().limit(MAX_VALUES).toList()) {
                FacetFilter filter = new FacetFilter(dimension, value.value());
                boolean chosen = model.facetFilters().contains(filter);
                MenuItem item = new MenuItem(label(dimension, value.value()) + "  (" + value.count() + ")",
                        chosen ? new FontIcon(Feather.CHECK) : null);
                item.setOnAction(e -> model.toggleFacet(filter));
                button.getItems().add(item);
            }
            dropdowns.getChildren().add(button);
        }
    }

    private void rebuildChips() {
        chips.getChildren().clear();
        for (FacetFilter filter : model.facetFilters()) {
            Button chip = new Button(Messages.get("facet." + filter.dimension().key()) + ": "
                    + label(filter.dimension(), filter.value()), new FontIcon(Feather.X));
            chip.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            chip.getStyleClass().addAll("facet-chip", Styles.SMALL, Styles.FLAT);
            chip.setOnAction(e -> model.toggleFacet(filter));
            chips.getChildren().add(chip);
        }
        if (model.facetFilters().size() > 1) {
            Button clear = new Button(Messages.get("facet.clear"));
            clear.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.ACCENT);
            clear.setOnAction(e -> model.clearFacets());
            chips.getChildren().add(clear);
        }
        chips.setVisible(!model.facetFilters().isEmpty());
        rebuildDropdowns();
    }

    private static String label(FacetDimension dimension, String value) {
        return org.cryptosec.reader.ui.SearchLabels.value(dimension, value);
    }
}
