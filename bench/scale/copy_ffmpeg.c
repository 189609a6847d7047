/* A stand-in for ffmpeg in the scale benchmark: an encode (its arguments hold "-progress") copies its input to its
 * output and reports a finished encode on stdout, so that only kinetics-prep's own cost is measured; anything else
 * (-version, verify's decode, report's stills, rawframes) runs the real ffmpeg named by KP_REAL_FFMPEG. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *strip(const char *url) { return strncmp(url, "file:", 5) == 0 ? url + 5 : url; }

int main(int argc, char **argv) {
  int encode = 0;
  const char *input = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-progress") == 0) encode = 1;
    if (strcmp(argv[i], "-i") == 0 && i + 1 < argc && input == NULL) input = strip(argv[i + 1]);
  }
  if (!encode || input == NULL) {
    const char *real = getenv("KP_REAL_FFMPEG");
    if (real == NULL) real = "/usr/bin/ffmpeg";
    argv[0] = (char *)real;
    execv(real, argv);
    perror("execv");
    return 127;
  }
  const char *output = strip(argv[argc - 1]);
  int in = open(input, O_RDONLY), out = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (in < 0 || out < 0) { perror("open"); return 1; }
  char buffer[1 << 16];
  ssize_t n;
  while ((n = read(in, buffer, sizeof buffer)) > 0)
    if (write(out, buffer, (size_t)n) != n) { perror("write"); return 1; }
  close(in);
  if (close(out) != 0) { perror("close"); return 1; }
  printf("frame=1000000\nout_time_us=1000000000000\nprogress=end\n");
  return 0;
}
