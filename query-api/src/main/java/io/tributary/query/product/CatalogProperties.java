package io.tributary.query.product;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param currency the currency price filters and price-range facets use when a search names none (ISO 4217); prices
 *                 are only ever compared within one currency
 */
@ConfigurationProperties("tributary.catalog")
record CatalogProperties(@DefaultValue("EUR") String currency) {

    CatalogProperties {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("tributary.catalog.currency must be an ISO 4217 code such as EUR, not "
                    + currency);
        }
    }
}
