/* A stand-in for ffmpeg in the scale benchmark, so that only kinetics-prep's own cost is measured:
 *  - an encode (its arguments hold "-progress") copies each input to its output (the one after "-f mp4", or the last
 *    argument) and reports a finished encode;
 *  - verify's decode (outputs in "framecrc" format) writes one frame line to each output;
 *  - rawframes' frames (an "image2" output pattern) become KP_STAND_IN_FRAMES (default 10) copies of the JPEG at
 *    KP_STAND_IN_JPEG;
 * anything else (-version, the toolchain's probe, report's stills) runs the real ffmpeg named by KP_REAL_FFMPEG. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *strip(const char *url) { return strncmp(url, "file:", 5) == 0 ? url + 5 : url; }

static int copy(const char *from, const char *to) {
  int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (in < 0 || out < 0) { perror("open"); return 1; }
  char buffer[1 << 16];
  ssize_t n;
  while ((n = read(in, buffer, sizeof buffer)) > 0)
    if (write(out, buffer, (size_t)n) != n) { perror("write"); return 1; }
  close(in);
  return close(out) != 0;
}

static int ends_with(const char *text, const char *end) {
  size_t a = strlen(text), b = strlen(end);
  return a >= b && strcmp(text + a - b, end) == 0;
}

int main(int argc, char **argv) {
  int encode = 0, decode = 0, frames = 0, inputs = 0, outputs = 0;
  const char *input[64], *output[64];
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-progress") == 0) encode = 1;
    if (strcmp(argv[i], "framecrc") == 0) decode = 1;
    if (strcmp(argv[i], "image2") == 0) frames = 1;
    if (strcmp(argv[i], "-i") == 0 && i + 1 < argc && inputs < 64) input[inputs++] = strip(argv[i + 1]);
    if (strcmp(argv[i], "-f") == 0 && i + 2 < argc && strcmp(argv[i + 1], "mp4") == 0 && outputs < 64) output[outputs++] = strip(argv[i + 2]);
  }
  if (outputs == 0) output[outputs++] = strip(argv[argc - 1]);
  if (encode && inputs == outputs) {
    for (int k = 0; k < inputs; k++)
      if (copy(input[k], output[k]) != 0) return 1;
    printf("frame=1000000\nout_time_us=1000000000000\nprogress=end\n");
    return 0;
  }
  if (decode) {
    for (int i = 1; i < argc; i++) {
      if (!ends_with(argv[i], ".crc")) continue;
      FILE *sink = fopen(strip(argv[i]), "w");
      if (sink == NULL || fputs("0, 0, 0, 1, 1, 0x00000000\n", sink) < 0 || fclose(sink) != 0) { perror("crc"); return 1; }
    }
    return 0;
  }
  const char *jpeg = getenv("KP_STAND_IN_JPEG");
  if (frames && jpeg != NULL) {
    const char *count = getenv("KP_STAND_IN_FRAMES");
    int n = count != NULL ? atoi(count) : 10;
    char path[4096];
    for (int k = 1; k <= n; k++) {
      snprintf(path, sizeof path, strip(argv[argc - 1]), k);
      if (copy(jpeg, path) != 0) return 1;
    }
    return 0;
  }
  const char *real = getenv("KP_REAL_FFMPEG");
  if (real == NULL) real = "/usr/bin/ffmpeg";
  argv[0] = (char *)real;
  execv(real, argv);
  perror("execv");
  return 127;
}
