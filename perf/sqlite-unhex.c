/*
 * unhex(X) for the sqlite3 command-line shell, as SQLite 3.41 has it built in: the blob whose bytes
 * the hexadecimal digits of X spell, or NULL when X is not an even number of hex digits. Debian 12's
 * sqlite3 is 3.40, so perf/seed-and-login.sh builds this and loads it with .load to turn the exported
 * uid text into the 16-byte blob the SQLite layout stores. Build: gcc -O2 -fPIC -shared -o unhex.so sqlite-unhex.c
 */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

static int digit(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void unhex(sqlite3_context *context, int argc, sqlite3_value **argv) {
    const unsigned char *text = sqlite3_value_text(argv[0]);
    int n = sqlite3_value_bytes(argv[0]);
    unsigned char out[256];
    if (text == 0 || n % 2 != 0 || n / 2 > (int) sizeof out) {
        sqlite3_result_null(context);
        return;
    }
    for (int i = 0; i < n / 2; i++) {
        int high = digit(text[2 * i]), low = digit(text[2 * i + 1]);
        if (high < 0 || low < 0) {
            sqlite3_result_null(context);
            return;
        }
        out[i] = (unsigned char) (high * 16 + low);
    }
    sqlite3_result_blob(context, out, n / 2, SQLITE_TRANSIENT);
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_extension_init(sqlite3 *db, char **error, const sqlite3_api_routines *api) {
    SQLITE_EXTENSION_INIT2(api);
    (void) error;
    return sqlite3_create_function(db, "unhex", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, 0, unhex, 0, 0);
}
