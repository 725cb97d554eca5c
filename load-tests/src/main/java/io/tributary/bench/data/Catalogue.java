package io.tributary.bench.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Products with real-looking names and descriptions, generated from a fixed seed so every run loads the same
 * catalogue: "Trailblazer Waterproof Running Shoe", a two-sentence description, a category, a price.
 */
public final class Catalogue {

    private static final String[] BRANDS = {"Trailblazer", "Northwind", "Copperline", "Bluefin", "Oakridge", "Summit",
            "Meadow", "Ironwood", "Harbor", "Silverleaf", "Redstone", "Evergreen", "Lumen", "Cascade", "Foxglove",
            "Granite", "Willow", "Aurora", "Driftwood", "Highland"};
    private static final String[] QUALITIES = {"Waterproof", "Lightweight", "Insulated", "Ergonomic", "Wireless",
            "Stainless", "Organic", "Compact", "Heavy-Duty", "Foldable", "Breathable", "Rechargeable", "Handmade",
            "Adjustable", "Ceramic", "Vintage", "Portable", "Cordless", "Merino", "Bamboo"};
    private static final String[][] CATEGORIES = {
            {"footwear", "Running Shoe", "Hiking Boot", "Trail Sneaker", "Sandal", "Slipper"},
            {"outdoor", "Tent", "Sleeping Bag", "Backpack", "Camping Stove", "Headlamp"},
            {"kitchen", "Chef Knife", "Frying Pan", "Coffee Grinder", "Teapot", "Cutting Board"},
            {"furniture", "Standing Desk", "Office Chair", "Bookshelf", "Side Table", "Floor Lamp"},
            {"electronics", "Headphones", "Bluetooth Speaker", "Keyboard", "Webcam", "Power Bank"},
            {"apparel", "Rain Jacket", "Wool Sweater", "Running Shorts", "Beanie", "Fleece Vest"},
            {"sports", "Yoga Mat", "Kettlebell", "Jump Rope", "Cycling Helmet", "Tennis Racket"},
            {"garden", "Watering Can", "Pruning Shears", "Planter", "Garden Hose", "Bird Feeder"}};
    private static final String[] USES = {"everyday use", "long weekends outdoors", "small apartments", "busy kitchens",
            "morning runs", "rainy commutes", "home offices", "family trips", "cold mornings", "weekend projects"};
    private static final String[] DETAILS = {"Built to last with reinforced seams and a two-year warranty.",
            "Easy to clean and ships in recycled packaging.", "Designed in Lisbon and tested by our own team.",
            "Comes in three colours and fits in a carry-on.", "Quiet, efficient and kind to your back.",
            "Made from responsibly sourced materials.", "A favourite of our customers for gifts.",
            "Pairs well with the rest of the collection."};

    private Catalogue() {
    }

    /** The words that occur in product names, for search and autocomplete requests. */
    public static List<String> searchWords() {
        List<String> words = new ArrayList<>();
        for (String[] category : CATEGORIES) {
            for (int i = 1; i < category.length; i++) {
                for (String word : category[i].split(" ")) {
                    String lower = word.toLowerCase(Locale.ROOT);
                    if (!words.contains(lower)) {
                        words.add(lower);
                    }
                }
            }
        }
        return words;
    }

    /** The {@code index}-th product of the catalogue as a command body; the run tag keeps SKUs unique per run. */
    public static String productJson(int index, String runTag) {
        Random random = new Random(index * 7919L + 17);
        String[] category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        String item = category[1 + random.nextInt(category.length - 1)];
        String name = BRANDS[random.nextInt(BRANDS.length)] + " " + QUALITIES[random.nextInt(QUALITIES.length)] + " " + item;
        String description = "A " + QUALITIES[random.nextInt(QUALITIES.length)].toLowerCase(Locale.ROOT) + " "
                + item.toLowerCase(Locale.ROOT) + " for " + USES[random.nextInt(USES.length)] + ". "
                + DETAILS[random.nextInt(DETAILS.length)];
        String price = String.format(Locale.ROOT, "%d.%02d", 5 + random.nextInt(400), random.nextInt(100));
        return """
                {"sku":"%s-%06d","name":"%s","description":"%s","category":"%s","price":{"amount":"%s","currency":"EUR"},"initialStock":1000000}"""
                .formatted(runTag, index, name, description, category[0], price);
    }
}
