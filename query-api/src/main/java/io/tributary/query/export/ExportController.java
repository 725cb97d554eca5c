package io.tributary.query.export;

import io.tributary.query.consistency.ConsistencyTokens;
import io.tributary.query.order.OrderFilter;
import io.tributary.query.order.OrderView;
import io.tributary.query.view.DocumentViews;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * Bulk export as NDJSON ({@code application/x-ndjson}), one order per line. It is written on the request's
 * own (virtual) thread, so it is not bounded by an async timeout however long it runs. Exports are
 * {@code no-store}: large, one-off and without a version to revalidate against.
 */
@RestController
@RequestMapping("/api/v1/export")
class ExportController {

    static final String NDJSON = "application/x-ndjson";

    private final OrderExport orders;
    private final DocumentViews views;

    ExportController(OrderExport orders, DocumentViews views) {
        this.orders = orders;
        this.views = views;
    }

    /** Written straight to the response: the mapping states its type, so a client that accepts none gets 406. */
    @GetMapping(path = "/orders", produces = NDJSON)
    void orders(@RequestParam(required = false) String status, @RequestParam(required = false) String userId,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                ConsistencyTokens tokens, HttpServletResponse response) throws IOException {
        OrderFilter filter = OrderFilter.of(status, userId, from, to);
        views.awaitTokens(OrderView.VIEW, tokens);
        try (OrderExport.Stream export = orders.open(filter)) {
            response.setContentType(NDJSON);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
            export.writeTo(response.getOutputStream());
        }
    }
}
