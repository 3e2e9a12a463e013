// Reference for binding_overhead_pct: the same measurement as the C# worker (LlamaContext.Generate with
// greedy sampling), written directly against libllama. Same library files, same variant loading
// (ggml_backend_load of one libggml-cpu-<variant>.so), same context parameters (defaults except n_ctx,
// n_batch = n_ubatch, n_seq_max = 1, threads, an abort callback), same prompt token ids, same loop:
// clear memory, prefill in batch-sized chunks with logits only for the last token, then
// sample -> stop on EOG or after `decode` tokens -> decode one token. Timed with CLOCK_MONOTONIC.
// Compiled at bench time by `appliance bench llm` with gcc against .cache/include/llama.
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ggml-backend.h"
#include "llama.h"

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static bool never_abort(void * data) { (void) data; return false; }

static void quiet_log(enum ggml_log_level level, const char * text, void * data) {
    (void) data;
    if (level == GGML_LOG_LEVEL_ERROR) { fputs(text, stderr); }
}

static int cmp_double(const void * a, const void * b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static double median(double * v, int n) {
    qsort(v, n, sizeof(double), cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// The prompt token ids both benchmarks use: deterministic, inside the ordinary (non-special) range.
static llama_token prompt_token(int i, int n_vocab) {
    int span = (n_vocab < 32000 ? n_vocab : 32000) - 300;
    return 259 + (int) (((long) i * 7919) % span);
}

int main(int argc, char ** argv) {
    const char * lib_dir = NULL, * variant = NULL, * model_path = NULL;
    int threads = 1, n_prefill = 128, n_decode = 32, repeats = 3, n_ctx = 1024, n_batch = 512;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--lib-dir")) lib_dir = argv[i + 1];
        else if (!strcmp(argv[i], "--variant")) variant = argv[i + 1];
        else if (!strcmp(argv[i], "--model")) model_path = argv[i + 1];
        else if (!strcmp(argv[i], "--threads")) threads = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--prefill")) n_prefill = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--decode")) n_decode = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--repeats")) repeats = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--ctx")) n_ctx = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--batch")) n_batch = atoi(argv[i + 1]);
        else { fprintf(stderr, "unknown option %s\n", argv[i]); return 2; }
    }
    if (!lib_dir || !variant || !model_path || repeats < 1 || repeats > 64 || n_prefill < 1 || n_prefill + n_decode >= n_ctx) {
        fprintf(stderr, "usage: llama_bench --lib-dir DIR --variant NAME --model PATH [--threads N --prefill N --decode N --repeats N --ctx N --batch N]\n");
        return 2;
    }
    llama_log_set(quiet_log, NULL);
    char path[4096];
    snprintf(path, sizeof path, "%s/libggml-cpu-%s.so", lib_dir, variant);
    if (!ggml_backend_load(path)) { fprintf(stderr, "ggml_backend_load(%s) failed\n", path); return 1; }
    llama_backend_init();

    struct llama_model * model = llama_model_load_from_file(model_path, llama_model_default_params());
    if (!model) { fprintf(stderr, "cannot load %s\n", model_path); return 1; }
    const struct llama_vocab * vocab = llama_model_get_vocab(model);
    int n_vocab = llama_vocab_n_tokens(vocab);

    struct llama_context_params cp = llama_context_default_params();
    cp.n_ctx = n_ctx;
    cp.n_batch = n_batch;
    cp.n_ubatch = n_batch;
    cp.n_seq_max = 1;
    cp.n_threads = threads;
    cp.n_threads_batch = threads;
    cp.abort_callback = never_abort;
    cp.abort_callback_data = NULL;
    struct llama_context * ctx = llama_init_from_model(model, cp);
    if (!ctx) { fprintf(stderr, "llama_init_from_model failed\n"); return 1; }
    llama_memory_t mem = llama_get_memory(ctx);
    struct llama_batch batch = llama_batch_init(n_batch, 0, 1);

    llama_token * prompt = malloc(sizeof(llama_token) * n_prefill);
    for (int i = 0; i < n_prefill; i++) prompt[i] = prompt_token(i, n_vocab);

    double prefill[64], decode[64], ttft[64];
    int generated_last = 0;
    for (int r = -1; r < repeats; r++) { // r = -1 is the untimed warm-up (pages the weights in)
        llama_memory_clear(mem, true);
        double t0 = now_ms();
        int pos = 0;
        for (int i = 0; i < n_prefill; i += n_batch) {
            int n = n_prefill - i < n_batch ? n_prefill - i : n_batch;
            batch.n_tokens = n;
            for (int j = 0; j < n; j++) {
                batch.token[j] = prompt[i + j];
                batch.pos[j] = pos + j;
                batch.n_seq_id[j] = 1;
                batch.seq_id[j][0] = 0;
                batch.logits[j] = (i + n == n_prefill && j == n - 1);
            }
            if (llama_decode(ctx, batch) != 0) { fprintf(stderr, "prefill decode failed\n"); return 1; }
            pos += n;
        }
        double t_prefill = now_ms() - t0;
        struct llama_sampler * smpl = llama_sampler_chain_init(llama_sampler_chain_default_params());
        llama_sampler_chain_add(smpl, llama_sampler_init_greedy());
        int generated = 0;
        double first = 0, last = 0;
        for (;;) {
            llama_token tok = llama_sampler_sample(smpl, ctx, -1);
            last = now_ms();
            if (generated == 0) first = last;
            if (llama_vocab_is_eog(vocab, tok)) break;
            generated++;
            if (generated >= n_decode || pos >= n_ctx) break;
            batch.n_tokens = 1;
            batch.token[0] = tok;
            batch.pos[0] = pos++;
            batch.n_seq_id[0] = 1;
            batch.seq_id[0][0] = 0;
            batch.logits[0] = 1;
            if (llama_decode(ctx, batch) != 0) { fprintf(stderr, "decode failed\n"); return 1; }
        }
        llama_sampler_free(smpl);
        if (r >= 0) {
            prefill[r] = n_prefill * 1000.0 / t_prefill;
            decode[r] = generated > 1 ? (generated - 1) * 1000.0 / (last - first) : 0;
            ttft[r] = first - t0;
            generated_last = generated;
        }
    }
    printf("{\"runner\":\"native-c\",\"variant\":\"%s\",\"threads\":%d,\"prefill_tokens\":%d,\"generated_tokens\":%d,"
           "\"repeats\":%d,\"llm_prefill_tok_s\":%.3f,\"llm_decode_tok_s\":%.3f,\"ttft_ms\":%.3f}\n",
           variant, threads, n_prefill, generated_last, repeats,
           median(prefill, repeats), median(decode, repeats), median(ttft, repeats));
    free(prompt);
    llama_batch_free(batch);
    llama_free(ctx);
    llama_model_free(model);
    llama_backend_free();
    return 0;
}
