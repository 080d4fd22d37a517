package org.takedown.appstore.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;

import org.takedown.common.rest.PageResponse;

/** Builds the optional filters of a list endpoint into one Panache query, and pages the result. */
final class Filters {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    Filters eq(String field, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            String name = "p" + params.size();
            clauses.add(field + " = :" + name);
            params.put(name, value);
        }
        return this;
    }

    String query(String orderBy) {
        return (clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses)) + " order by " + orderBy;
    }

    Map<String, Object> params() {
        return params;
    }

    static <E, V> PageResponse<V> page(PanacheQuery<E> query, int page, int size, Function<E, V> view) {
        List<V> items = query.page(Page.of(page, size)).list().stream().map(view).toList();
        return new PageResponse<>(items, page, size, query.count());
    }
}
