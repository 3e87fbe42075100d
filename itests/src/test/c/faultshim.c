/*
 * hsmgate PKCS#11 fault-injection shim.
 *
 * A PKCS#11 library that forwards every call to a real one (FAULTSHIM_LIBRARY, default SoftHSM2) and, for the
 * functions listed below, can instead return a chosen CK_RV (standard or vendor-defined), add latency without
 * using CPU, or hang until told to stop. Faults are read from a control file (FAULTSHIM_CONTROL), re-read when it
 * changes, one rule per line:
 *
 *     C_Sign rv=0x000000B3 count=1     return CKR_SESSION_HANDLE_INVALID once, then pass through
 *     C_Sign delay_us=2000             sleep 2 ms before every C_Sign (a network HSM's round trip)
 *     C_Sign hang=1                    block every C_Sign until the rule is removed from the file
 *     C_Sign delay_us=2000 replay=1    as a network HSM: the local CPU does no signing; the first C_Sign of an
 *                                      input signs for real, later ones return that (valid) signature again
 *
 * With FAULTSHIM_STATS set, the shim writes "max_concurrent_sign=N" to that file whenever the number of C_Sign
 * calls in flight at once reaches a new maximum (reset when the control file changes): it shows whether a session
 * pool of N really lets N calls through, and never more.
 *
 * Lines starting with '#' and unknown functions are ignored. Built by the itests module with gcc; used only by
 * tests and benchmarks, never shipped.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

typedef unsigned long CK_ULONG;
typedef CK_ULONG CK_RV;
typedef CK_ULONG CK_SESSION_HANDLE;
typedef CK_ULONG CK_OBJECT_HANDLE;
typedef CK_ULONG CK_SLOT_ID;
typedef unsigned char CK_BYTE;

#define FUNCTION_COUNT 68
#define CKR_OK 0UL
#define CKR_GENERAL_ERROR 5UL

/* CK_FUNCTION_LIST: a 2-byte CK_VERSION, then 68 function pointers (pointer-aligned on x86-64). */
typedef struct {
    CK_BYTE major;
    CK_BYTE minor;
    void *functions[FUNCTION_COUNT];
} function_list;

typedef CK_RV (*get_function_list_fn)(function_list **);

enum wrapped {
    W_INITIALIZE, W_GET_SLOT_LIST, W_GET_TOKEN_INFO, W_OPEN_SESSION, W_CLOSE_SESSION, W_GET_SESSION_INFO, W_LOGIN,
    W_GET_ATTRIBUTE_VALUE, W_FIND_OBJECTS_INIT, W_FIND_OBJECTS, W_SIGN_INIT, W_SIGN, W_GENERATE_RANDOM, W_COUNT
};

static const struct {
    const char *name;
    int index; /* position in CK_FUNCTION_LIST */
} WRAPPED[W_COUNT] = {
    {"C_Initialize", 0}, {"C_GetSlotList", 4}, {"C_GetTokenInfo", 6}, {"C_OpenSession", 12},
    {"C_CloseSession", 13}, {"C_GetSessionInfo", 15}, {"C_Login", 18}, {"C_GetAttributeValue", 24},
    {"C_FindObjectsInit", 26}, {"C_FindObjects", 27}, {"C_SignInit", 42}, {"C_Sign", 43},
    {"C_GenerateRandom", 64},
};

typedef struct {
    int active;
    CK_RV rv;
    int has_rv;
    long count;        /* faults left to inject; < 0 = unlimited */
    long delay_us;
    int hang;
    int replay;
} rule;

static function_list *real;
static function_list shim = {2, 40, {0}};
static rule rules[W_COUNT];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct timespec control_mtime;
static long concurrent_sign;
static long max_concurrent_sign;
static struct timespec last_check;

static long elapsed_ms(const struct timespec *from, const struct timespec *to) {
    return (to->tv_sec - from->tv_sec) * 1000L + (to->tv_nsec - from->tv_nsec) / 1000000L;
}

/* Re-reads the control file when it changed; checked at most every 20 ms so the hot path stays cheap. */
static void refresh_rules(void) {
    const char *path = getenv("FAULTSHIM_CONTROL");
    if (path == NULL) {
        return;
    }
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
    if (last_check.tv_sec != 0 && elapsed_ms(&last_check, &now) < 20) {
        return;
    }
    last_check = now;
    struct stat st;
    if (stat(path, &st) != 0) {
        memset(rules, 0, sizeof rules);
        control_mtime.tv_sec = 0;
        return;
    }
    if (st.st_mtim.tv_sec == control_mtime.tv_sec && st.st_mtim.tv_nsec == control_mtime.tv_nsec) {
        return;
    }
    control_mtime = st.st_mtim;
    memset(rules, 0, sizeof rules);
    max_concurrent_sign = 0;
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return;
    }
    char line[256];
    while (fgets(line, sizeof line, f) != NULL) {
        char name[64];
        if (line[0] == '#' || sscanf(line, "%63s", name) != 1) {
            continue;
        }
        for (int i = 0; i < W_COUNT; i++) {
            if (strcmp(name, WRAPPED[i].name) != 0) {
                continue;
            }
            rule *r = &rules[i];
            r->active = 1;
            r->count = -1;
            char *p = line + strlen(name);
            char *token;
            while ((token = strtok_r(p, " \t\r\n", &p)) != NULL) {
                if (strncmp(token, "rv=", 3) == 0) {
                    r->rv = strtoul(token + 3, NULL, 0);
                    r->has_rv = 1;
                } else if (strncmp(token, "count=", 6) == 0) {
                    r->count = strtol(token + 6, NULL, 10);
                } else if (strncmp(token, "delay_us=", 9) == 0) {
                    r->delay_us = strtol(token + 9, NULL, 10);
                } else if (strncmp(token, "hang=", 5) == 0) {
                    r->hang = atoi(token + 5);
                } else if (strncmp(token, "replay=", 7) == 0) {
                    r->replay = atoi(token + 7);
                }
            }
        }
    }
    fclose(f);
}

static void sleep_us(long us) {
    struct timespec t = {us / 1000000L, (us % 1000000L) * 1000L};
    while (nanosleep(&t, &t) != 0 && errno == EINTR) {
    }
}

/* Applies the rule of function w: returns 1 and sets *rv when the call must not reach the real library. */
static int fault(enum wrapped w, CK_RV *rv) {
    long delay = 0;
    int injected = 0;
    pthread_mutex_lock(&lock);
    refresh_rules();
    rule *r = &rules[w];
    if (r->active) {
        delay = r->delay_us;
        if (r->has_rv && r->count != 0) {
            *rv = r->rv;
            injected = 1;
            if (r->count > 0) {
                r->count--;
            }
        }
    }
    pthread_mutex_unlock(&lock);
    if (delay > 0) {
        sleep_us(delay);
    }
    for (;;) {
        pthread_mutex_lock(&lock);
        refresh_rules();
        int hang = rules[w].active && rules[w].hang;
        pthread_mutex_unlock(&lock);
        if (!hang) {
            break;
        }
        sleep_us(10000);
    }
    return injected;
}

#define REAL(w, type) ((type) real->functions[WRAPPED[w].index])

static CK_RV w_initialize(void *args) {
    CK_RV rv;
    return fault(W_INITIALIZE, &rv) ? rv : REAL(W_INITIALIZE, CK_RV (*)(void *))(args);
}

static CK_RV w_get_slot_list(CK_BYTE present, CK_SLOT_ID *list, CK_ULONG *count) {
    CK_RV rv;
    return fault(W_GET_SLOT_LIST, &rv) ? rv
            : REAL(W_GET_SLOT_LIST, CK_RV (*)(CK_BYTE, CK_SLOT_ID *, CK_ULONG *))(present, list, count);
}

static CK_RV w_get_token_info(CK_SLOT_ID slot, void *info) {
    CK_RV rv;
    return fault(W_GET_TOKEN_INFO, &rv) ? rv : REAL(W_GET_TOKEN_INFO, CK_RV (*)(CK_SLOT_ID, void *))(slot, info);
}

static CK_RV w_open_session(CK_SLOT_ID slot, CK_ULONG flags, void *app, void *notify, CK_SESSION_HANDLE *session) {
    CK_RV rv;
    return fault(W_OPEN_SESSION, &rv) ? rv
            : REAL(W_OPEN_SESSION, CK_RV (*)(CK_SLOT_ID, CK_ULONG, void *, void *, CK_SESSION_HANDLE *))(
                    slot, flags, app, notify, session);
}

static CK_RV w_close_session(CK_SESSION_HANDLE session) {
    CK_RV rv;
    /* an injected fault still closes the real session, as a broken HSM link would drop it */
    if (fault(W_CLOSE_SESSION, &rv)) {
        REAL(W_CLOSE_SESSION, CK_RV (*)(CK_SESSION_HANDLE))(session);
        return rv;
    }
    return REAL(W_CLOSE_SESSION, CK_RV (*)(CK_SESSION_HANDLE))(session);
}

static CK_RV w_get_session_info(CK_SESSION_HANDLE session, void *info) {
    CK_RV rv;
    return fault(W_GET_SESSION_INFO, &rv) ? rv
            : REAL(W_GET_SESSION_INFO, CK_RV (*)(CK_SESSION_HANDLE, void *))(session, info);
}

static CK_RV w_login(CK_SESSION_HANDLE session, CK_ULONG user, CK_BYTE *pin, CK_ULONG len) {
    CK_RV rv;
    return fault(W_LOGIN, &rv) ? rv
            : REAL(W_LOGIN, CK_RV (*)(CK_SESSION_HANDLE, CK_ULONG, CK_BYTE *, CK_ULONG))(session, user, pin, len);
}

static CK_RV w_get_attribute_value(CK_SESSION_HANDLE session, CK_OBJECT_HANDLE object, void *template, CK_ULONG count) {
    CK_RV rv;
    return fault(W_GET_ATTRIBUTE_VALUE, &rv) ? rv
            : REAL(W_GET_ATTRIBUTE_VALUE, CK_RV (*)(CK_SESSION_HANDLE, CK_OBJECT_HANDLE, void *, CK_ULONG))(
                    session, object, template, count);
}

static CK_RV w_find_objects_init(CK_SESSION_HANDLE session, void *template, CK_ULONG count) {
    CK_RV rv;
    return fault(W_FIND_OBJECTS_INIT, &rv) ? rv
            : REAL(W_FIND_OBJECTS_INIT, CK_RV (*)(CK_SESSION_HANDLE, void *, CK_ULONG))(session, template, count);
}

static CK_RV w_find_objects(CK_SESSION_HANDLE session, CK_OBJECT_HANDLE *objects, CK_ULONG max, CK_ULONG *count) {
    CK_RV rv;
    return fault(W_FIND_OBJECTS, &rv) ? rv
            : REAL(W_FIND_OBJECTS, CK_RV (*)(CK_SESSION_HANDLE, CK_OBJECT_HANDLE *, CK_ULONG, CK_ULONG *))(
                    session, objects, max, count);
}

/* ---- replay: a network HSM's signing done once, then its result returned again without local CPU ---- */

typedef struct {
    CK_ULONG mechanism;
    void *parameter;
    CK_ULONG parameter_len;
} mechanism_t;

#define PENDING_SLOTS 1024
#define REPLAY_SLOTS 32
#define MAX_DATA 256
#define MAX_SIGNATURE 1024

typedef struct {
    CK_SESSION_HANDLE session; /* 0 = free */
    CK_OBJECT_HANDLE key;
    mechanism_t mechanism;
} pending_t;

typedef struct {
    int used;
    CK_OBJECT_HANDLE key;
    CK_ULONG mechanism;
    CK_ULONG data_len;
    CK_BYTE data[MAX_DATA];
    CK_ULONG signature_len;
    CK_BYTE signature[MAX_SIGNATURE];
} replay_t;

static pending_t pending[PENDING_SLOTS];
static replay_t replays[REPLAY_SLOTS];
static int next_replay;

static int replay_active(void) {
    pthread_mutex_lock(&lock);
    refresh_rules();
    int active = rules[W_SIGN].active && rules[W_SIGN].replay;
    pthread_mutex_unlock(&lock);
    return active;
}

static void note_concurrency(long delta) {
    const char *path = getenv("FAULTSHIM_STATS");
    pthread_mutex_lock(&lock);
    concurrent_sign += delta;
    if (delta > 0 && concurrent_sign > max_concurrent_sign) {
        max_concurrent_sign = concurrent_sign;
        if (path != NULL) {
            FILE *f = fopen(path, "w");
            if (f != NULL) {
                fprintf(f, "max_concurrent_sign=%ld\n", max_concurrent_sign);
                fclose(f);
            }
        }
    }
    pthread_mutex_unlock(&lock);
}

static CK_RV w_sign_init(CK_SESSION_HANDLE session, void *mechanism, CK_OBJECT_HANDLE key) {
    CK_RV rv;
    if (fault(W_SIGN_INIT, &rv)) {
        return rv;
    }
    if (replay_active() && mechanism != NULL) {
        pthread_mutex_lock(&lock);
        pending_t *p = &pending[session % PENDING_SLOTS];
        p->session = session;
        p->key = key;
        p->mechanism = *(mechanism_t *) mechanism;
        pthread_mutex_unlock(&lock);
        return CKR_OK; /* the real C_SignInit happens only if C_Sign finds nothing to replay */
    }
    return REAL(W_SIGN_INIT, CK_RV (*)(CK_SESSION_HANDLE, void *, CK_OBJECT_HANDLE))(session, mechanism, key);
}

/* Returns 1 with the signature copied when a replay exists, else 0 after signing for real and remembering it. */
static CK_RV replayed_sign(CK_SESSION_HANDLE session, CK_BYTE *data, CK_ULONG len, CK_BYTE *signature, CK_ULONG *sig_len) {
    pthread_mutex_lock(&lock);
    pending_t p = pending[session % PENDING_SLOTS];
    pending[session % PENDING_SLOTS].session = 0;
    for (int i = 0; i < REPLAY_SLOTS; i++) {
        replay_t *r = &replays[i];
        if (r->used && r->key == p.key && r->mechanism == p.mechanism.mechanism && r->data_len == len
                && memcmp(r->data, data, len) == 0) {
            if (*sig_len < r->signature_len) {
                pthread_mutex_unlock(&lock);
                return 0x150UL; /* CKR_BUFFER_TOO_SMALL */
            }
            memcpy(signature, r->signature, r->signature_len);
            *sig_len = r->signature_len;
            pthread_mutex_unlock(&lock);
            return CKR_OK;
        }
    }
    pthread_mutex_unlock(&lock);
    if (p.session != session) {
        return 0x91UL; /* CKR_OPERATION_NOT_INITIALIZED */
    }
    CK_RV rv = REAL(W_SIGN_INIT, CK_RV (*)(CK_SESSION_HANDLE, void *, CK_OBJECT_HANDLE))(session, &p.mechanism, p.key);
    if (rv != CKR_OK) {
        return rv;
    }
    rv = REAL(W_SIGN, CK_RV (*)(CK_SESSION_HANDLE, CK_BYTE *, CK_ULONG, CK_BYTE *, CK_ULONG *))(
            session, data, len, signature, sig_len);
    if (rv == CKR_OK && len <= MAX_DATA && *sig_len <= MAX_SIGNATURE) {
        pthread_mutex_lock(&lock);
        replay_t *r = &replays[next_replay];
        next_replay = (next_replay + 1) % REPLAY_SLOTS;
        r->used = 1;
        r->key = p.key;
        r->mechanism = p.mechanism.mechanism;
        r->data_len = len;
        memcpy(r->data, data, len);
        r->signature_len = *sig_len;
        memcpy(r->signature, signature, *sig_len);
        pthread_mutex_unlock(&lock);
    }
    return rv;
}

static CK_RV sign_checked(CK_SESSION_HANDLE session, CK_BYTE *data, CK_ULONG len, CK_BYTE *signature, CK_ULONG *sig_len) {
    CK_RV rv;
    int replay = replay_active();
    if (fault(W_SIGN, &rv)) {
        if (replay) {
            pthread_mutex_lock(&lock);
            pending[session % PENDING_SLOTS].session = 0;
            pthread_mutex_unlock(&lock);
            return rv;
        }
        /* a failed C_Sign ends the operation (PKCS#11 v2.40 5.2): end the real one too, or the session stays busy */
        CK_BYTE scratch[1024];
        CK_ULONG scratch_len = sizeof scratch;
        REAL(W_SIGN, CK_RV (*)(CK_SESSION_HANDLE, CK_BYTE *, CK_ULONG, CK_BYTE *, CK_ULONG *))(
                session, data, len, scratch, &scratch_len);
        return rv;
    }
    if (replay) {
        return replayed_sign(session, data, len, signature, sig_len);
    }
    return REAL(W_SIGN, CK_RV (*)(CK_SESSION_HANDLE, CK_BYTE *, CK_ULONG, CK_BYTE *, CK_ULONG *))(
            session, data, len, signature, sig_len);
}

static CK_RV w_sign(CK_SESSION_HANDLE session, CK_BYTE *data, CK_ULONG len, CK_BYTE *signature, CK_ULONG *sig_len) {
    note_concurrency(1);
    CK_RV rv = sign_checked(session, data, len, signature, sig_len);
    note_concurrency(-1);
    return rv;
}

static CK_RV w_generate_random(CK_SESSION_HANDLE session, CK_BYTE *out, CK_ULONG len) {
    CK_RV rv;
    return fault(W_GENERATE_RANDOM, &rv) ? rv
            : REAL(W_GENERATE_RANDOM, CK_RV (*)(CK_SESSION_HANDLE, CK_BYTE *, CK_ULONG))(session, out, len);
}

static void *const WRAPPERS[W_COUNT] = {
    (void *) w_initialize, (void *) w_get_slot_list, (void *) w_get_token_info, (void *) w_open_session,
    (void *) w_close_session, (void *) w_get_session_info, (void *) w_login, (void *) w_get_attribute_value,
    (void *) w_find_objects_init, (void *) w_find_objects, (void *) w_sign_init, (void *) w_sign,
    (void *) w_generate_random,
};

CK_RV C_GetFunctionList(function_list **out);

static CK_RV load_real(void) {
    if (real != NULL) {
        return CKR_OK;
    }
    const char *path = getenv("FAULTSHIM_LIBRARY");
    if (path == NULL) {
        path = "/usr/lib/softhsm/libsofthsm2.so";
    }
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        fprintf(stderr, "faultshim: cannot load %s: %s\n", path, dlerror());
        return CKR_GENERAL_ERROR;
    }
    get_function_list_fn get = (get_function_list_fn) dlsym(handle, "C_GetFunctionList");
    if (get == NULL || get(&real) != CKR_OK || real == NULL) {
        fprintf(stderr, "faultshim: %s has no usable C_GetFunctionList\n", path);
        return CKR_GENERAL_ERROR;
    }
    shim.major = real->major;
    shim.minor = real->minor;
    memcpy(shim.functions, real->functions, sizeof shim.functions);
    for (int i = 0; i < W_COUNT; i++) {
        shim.functions[WRAPPED[i].index] = WRAPPERS[i];
    }
    shim.functions[3] = (void *) C_GetFunctionList;
    return CKR_OK;
}

CK_RV C_GetFunctionList(function_list **out) {
    pthread_mutex_lock(&lock);
    CK_RV rv = load_real();
    pthread_mutex_unlock(&lock);
    if (rv != CKR_OK) {
        return rv;
    }
    *out = &shim;
    return CKR_OK;
}
