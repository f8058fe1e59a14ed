// A PDF document drawn with cairo and pango, written into memory: owns the
// surface, the cairo context and one PangoContext, and lays out plain text in
// "DejaVu Sans" for measuring before drawing. Set up as in
// notes/report-plan.md §2: 72 dpi (one Pango point is one PDF point),
// unhinted metrics and unrounded glyph positions, so a measured width is the
// drawn width. Text always goes in through pango_layout_set_text, never as
// markup, so text from users cannot change the formatting.
// Thread-safety: not thread-safe; a canvas and its TextBoxes belong to the
// thread that made them (pango's font map is per thread).
#pragma once

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace trygnet::report {

struct GObjectUnref {
  void operator()(void* object) const { g_object_unref(object); }
};
struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct CairoSurfaceDestroy {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};

struct Color {
  double red = 0;
  double green = 0;
  double blue = 0;
};

enum class Align { kLeft, kCenter, kRight };

struct TextStyle {
  double size = 10;  // points
  bool bold = false;
  bool italic = false;
  Color color{0.1, 0.1, 0.1};
  Align align = Align::kLeft;  // within the wrap width; no effect without one
  double line_spacing = 0;     // baseline distance as a multiple of the line height; 0: the font's own
};

// Plain text laid out in one style, possibly wrapped into lines: measure it,
// then draw it whole or a range of its lines (to split it across pages).
// Made by PdfCanvas::Layout; must not outlive the canvas.
class TextBox {
 public:
  double width() const { return width_; }  // the widest line
  double height() const { return lines_.empty() ? 0 : lines_.back().bottom; }
  int line_count() const { return static_cast<int>(lines_.size()); }
  double baseline() const { return lines_.empty() ? 0 : lines_.front().baseline; }  // from the top
  // The height of lines [first_line, end_line).
  double LinesHeight(int first_line, int end_line) const;
  // How many lines from `first_line` on fit into `height`.
  int LinesFitting(int first_line, double height) const;

  // Draws the whole text with its top left corner at (x, y) in user space.
  void Draw(double x, double y) const { DrawLines(x, y, 0, line_count()); }
  // Draws lines [first_line, end_line) with the top of `first_line` at y.
  // Only those lines go into the PDF, so text extraction sees each line once.
  void DrawLines(double x, double y, int first_line, int end_line) const;

 private:
  friend class PdfCanvas;
  struct Line {
    double top = 0;
    double bottom = 0;
    double baseline = 0;
    double x = 0;  // offset from the alignment
  };
  TextBox(cairo_t* cr, std::unique_ptr<PangoLayout, GObjectUnref> layout, Color color);

  cairo_t* cr_;  // the canvas's; not owned
  std::unique_ptr<PangoLayout, GObjectUnref> layout_;
  Color color_;
  std::vector<Line> lines_;
  double width_ = 0;
};

class PdfCanvas {
 public:
  // A document whose pages are `width` x `height` points. Returns internal if
  // cairo cannot make the surface.
  static Result<std::unique_ptr<PdfCanvas>> Create(double width, double height);
  ~PdfCanvas();
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;

  double width() const { return width_; }
  double height() const { return height_; }
  cairo_t* cairo() const { return cr_.get(); }

  // Document information (title, author, creator, dates). `value` is UTF-8;
  // dates as "YYYY-MM-DDTHH:MM:SSZ".
  void SetMetadata(cairo_pdf_metadata_t key, std::string_view value);
  // A bookmark to the point (x, y) of page `page` (1-based); returns its id.
  int AddOutline(int parent_id, std::string_view name, int page, double x, double y);

  // `text` laid out in DejaVu Sans in `style`, wrapped at `wrap_width` points
  // (at words, or within a word too long for a line), or on one line per
  // '\n' when wrap_width <= 0. Invalid UTF-8 is replaced, not rejected.
  TextBox Layout(std::string_view text, const TextStyle& style, double wrap_width = 0) const;

  void FillRect(double x, double y, double width, double height, Color color);
  void StrokeLine(double x1, double y1, double x2, double y2, Color color, double line_width);

  // Ends the current page (drawn or not) and starts the next.
  void ShowPage();
  // Finishes the document and returns its bytes. Returns internal if cairo
  // reports an error. The canvas cannot be drawn on afterwards.
  Result<std::string> Finish();

 private:
  PdfCanvas(double width, double height);

  double width_;
  double height_;
  std::string bytes_;  // the surface writes here; declared before the surface so it outlives it
  std::unique_ptr<cairo_surface_t, CairoSurfaceDestroy> surface_;
  std::unique_ptr<cairo_t, CairoDestroy> cr_;
  std::unique_ptr<PangoContext, GObjectUnref> pango_;
};

}  // namespace trygnet::report
