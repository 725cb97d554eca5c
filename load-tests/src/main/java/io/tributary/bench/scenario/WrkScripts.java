package io.tributary.bench.scenario;

/**
 * The Lua scripts wrk runs; each thread gets its own number, so generated values differ between threads. Requests
 * take their headers from {@code wrk.headers}, where {@link io.tributary.bench.tools.Wrk#as} puts the token.
 */
final class WrkScripts {

    private static final String THREADS = """
            local threads = 0
            function setup(thread)
              threads = threads + 1
              thread:set("thread_id", threads)
            end
            local function lines(file)
              local all = {}
              for line in io.lines(file) do
                if #line > 0 then all[#all + 1] = line end
              end
              return all
            end
            """;

    /** Registers users with unique e-mail addresses; args: a tag unique to the run. */
    static final String REGISTER_USER = THREADS + """
            wrk.headers["Content-Type"] = "application/json"
            local prefix
            local n = 0
            function init(args)
              prefix = args[1] .. "t" .. thread_id
            end
            function request()
              n = n + 1
              local body = string.format('{"name":"Bench User %d","email":"%s-%d@bench.example.com"}', n, prefix, n)
              return wrk.format("POST", "/api/v1/users", nil, body)
            end
            """;

    /** Places one-line orders for random users and products; args: the users file, the products file. */
    static final String PLACE_ORDER = THREADS + """
            wrk.headers["Content-Type"] = "application/json"
            local users, products
            function init(args)
              users = lines(args[1])
              products = lines(args[2])
              math.randomseed(os.time() * 100 + thread_id)
            end
            function request()
              local body = string.format('{"userId":"%s","lines":[{"productId":"%s","quantity":1}]}',
                users[math.random(#users)], products[math.random(#products)])
              return wrk.format("POST", "/api/v1/orders", nil, body)
            end
            """;

    /** GETs {@code <prefix><id>} for random ids of a file; args: the file, the path prefix. */
    static final String GET_BY_ID = THREADS + """
            local ids, prefix
            function init(args)
              ids = lines(args[1])
              prefix = args[2]
              math.randomseed(os.time() * 100 + thread_id)
            end
            function request()
              return wrk.format("GET", prefix .. ids[math.random(#ids)])
            end
            """;

    /** GETs the paths of a file in turn; args: the file. */
    static final String GET_PATHS = THREADS + """
            local paths
            local n
            function init(args)
              paths = lines(args[1])
              n = thread_id
            end
            function request()
              n = n + 1
              return wrk.format("GET", paths[(n % #paths) + 1])
            end
            """;

    /** POSTs the JSON bodies of a file (one a line) in turn to the URL's path; args: the file. */
    static final String POST_BODIES = THREADS + """
            wrk.headers["Content-Type"] = "application/json"
            local bodies
            local n
            function init(args)
              bodies = lines(args[1])
              n = thread_id
            end
            function request()
              n = n + 1
              return wrk.format("POST", nil, nil, bodies[(n % #bodies) + 1])
            end
            """;

    private WrkScripts() {
    }
}
