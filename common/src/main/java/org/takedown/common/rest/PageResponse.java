package org.takedown.common.rest;

import java.util.List;

/** One page of a list endpoint, with what a client needs to fetch the next. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
