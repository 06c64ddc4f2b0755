"""Server-Timing for benchmarks: how long the server spent on a request and how many SQL
queries it ran, as a standard `Server-Timing` header the load generator reads.

Production settings add it only when SEBAYA_SERVER_TIMING=1 (the counts say something
about the site's inner workings, so a public site leaves it off).
"""

import time

from django.db import connections


class ServerTimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        queries = [0, 0.0]  # count, seconds

        def count(execute, sql, params, many, context):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                queries[0] += 1
                queries[1] += time.perf_counter() - started

        started = time.perf_counter()
        with connections["default"].execute_wrapper(count):
            response = self.get_response(request)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        total = (time.perf_counter() - started) * 1000
        response["Server-Timing"] = (
            f'app;dur={total:.2f}, sql;desc="{queries[0]} queries";dur={queries[1] * 1000:.2f}'
        )
        return response
