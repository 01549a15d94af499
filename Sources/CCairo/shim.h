#ifndef LOSSPLOT_CCAIRO_SHIM_H
#define LOSSPLOT_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
/* zlib, for writing PNG quickly: Cairo's own PNG writer offers no control over speed. */
#include <zlib.h>
#endif
