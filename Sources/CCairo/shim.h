#ifndef LOSSPLOT_CCAIRO_SHIM_H
#define LOSSPLOT_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
/* Cairo's FreeType/fontconfig faces: fonts are resolved once, explicitly (see FontFaces.swift).
   cairo-ft.h brings FreeType's own header (freetype2, through pkg-config's cairo flags): text is
   kerned with FT_Get_Kerning on the face Cairo draws with (libfreetype is linked, module.modulemap). */
#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
/* zlib, for writing PNG quickly: Cairo's own PNG writer offers no control over speed. */
#include <zlib.h>
#endif
