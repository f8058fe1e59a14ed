#include "report/pdf_canvas.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace trygnet::report {
namespace {

constexpr const char* kFontFamily = "DejaVu Sans";

struct FontDescriptionFree {
  void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// cairo and pango take NUL-terminated UTF-8; invalid bytes become U+FFFD.
std::string ValidUtf8(std::string_view text) {
  if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) return std::string(text);
  gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
  std::string result = valid;
  g_free(valid);
  return result;
}

// A number for cairo's link attributes, with '.' whatever the C locale.
std::string Num(double value) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
  return error == std::errc() ? std::string(buffer, end) : std::string("0");
}

constexpr double FromPango(int units) { return static_cast<double>(units) / PANGO_SCALE; }

}  // namespace

TextBox::TextBox(cairo_t* cr, std::unique_ptr<PangoLayout, GObjectUnref> layout, Color color)
    : cr_(cr), layout_(std::move(layout)), color_(color) {
  PangoLayoutIter* iter = pango_layout_get_iter(layout_.get());
  do {
    int top = 0;
    int bottom = 0;
    pango_layout_iter_get_line_yrange(iter, &top, &bottom);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    lines_.push_back(
        {FromPango(top), FromPango(bottom), FromPango(pango_layout_iter_get_baseline(iter)), FromPango(logical.x)});
    width_ = std::max(width_, FromPango(logical.width));
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
}

double TextBox::LinesHeight(int first_line, int end_line) const {
  if (end_line <= first_line) return 0;
  return lines_[static_cast<size_t>(end_line - 1)].bottom - lines_[static_cast<size_t>(first_line)].top;
}

int TextBox::LinesFitting(int first_line, double height) const {
  int end_line = first_line;
  while (end_line < line_count() && LinesHeight(first_line, end_line + 1) <= height + 1e-6) ++end_line;
  return end_line - first_line;
}

void TextBox::DrawLines(double x, double y, int first_line, int end_line) const {
  if (end_line <= first_line) return;
  cairo_set_source_rgb(cr_, color_.red, color_.green, color_.blue);
  const double top = lines_[static_cast<size_t>(first_line)].top;
  for (int line_idx = first_line; line_idx < end_line; ++line_idx) {
    const Line& line = lines_[static_cast<size_t>(line_idx)];
    cairo_move_to(cr_, x + line.x, y - top + line.baseline);
    pango_cairo_show_layout_line(cr_, pango_layout_get_line_readonly(layout_.get(), line_idx));
  }
}

PdfCanvas::PdfCanvas(double width, double height) : width_(width), height_(height) {}

PdfCanvas::~PdfCanvas() = default;

Result<std::unique_ptr<PdfCanvas>> PdfCanvas::Create(double width, double height) {
  std::unique_ptr<PdfCanvas> canvas(new PdfCanvas(width, height));
  canvas->surface_.reset(cairo_pdf_surface_create_for_stream(&AppendBytes, &canvas->bytes_, width, height));
  if (cairo_status_t status = cairo_surface_status(canvas->surface_.get()); status != CAIRO_STATUS_SUCCESS) {
    return Internal(std::string("cannot create a PDF surface: ") + cairo_status_to_string(status));
  }
  canvas->cr_.reset(cairo_create(canvas->surface_.get()));
  if (cairo_status_t status = cairo_status(canvas->cr_.get()); status != CAIRO_STATUS_SUCCESS) {
    return Internal(std::string("cannot draw on the PDF surface: ") + cairo_status_to_string(status));
  }

  PangoContext* pango = pango_cairo_create_context(canvas->cr_.get());
  canvas->pango_.reset(pango);
  // At pango's default 96 dpi, 10 pt text would be drawn 13.3 pt high.
  pango_cairo_context_set_resolution(pango, 72);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(pango, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(pango, FALSE);
  return canvas;
}

void PdfCanvas::SetMetadata(cairo_pdf_metadata_t key, std::string_view value) {
  cairo_pdf_surface_set_metadata(surface_.get(), key, ValidUtf8(value).c_str());
}

int PdfCanvas::AddOutline(int parent_id, std::string_view name, int page, double x, double y) {
  const std::string link = "page=" + std::to_string(page) + " pos=[" + Num(x) + " " + Num(y) + "]";
  return cairo_pdf_surface_add_outline(surface_.get(), parent_id, ValidUtf8(name).c_str(), link.c_str(),
                                       CAIRO_PDF_OUTLINE_FLAG_OPEN);
}

TextBox PdfCanvas::Layout(std::string_view text, const TextStyle& style, double wrap_width) const {
  std::unique_ptr<PangoLayout, GObjectUnref> layout(pango_layout_new(pango_.get()));
  std::unique_ptr<PangoFontDescription, FontDescriptionFree> font(pango_font_description_new());
  pango_font_description_set_family(font.get(), kFontFamily);
  pango_font_description_set_size(font.get(), static_cast<int>(std::lround(style.size * PANGO_SCALE)));
  pango_font_description_set_weight(font.get(), style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font.get(), style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description(layout.get(), font.get());
  if (wrap_width > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(wrap_width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), style.align == Align::kRight    ? PANGO_ALIGN_RIGHT
                                             : style.align == Align::kCenter ? PANGO_ALIGN_CENTER
                                                                             : PANGO_ALIGN_LEFT);
  }
  if (style.line_spacing > 0) pango_layout_set_line_spacing(layout.get(), static_cast<float>(style.line_spacing));
  const std::string valid = ValidUtf8(text);
  pango_layout_set_text(layout.get(), valid.c_str(), static_cast<int>(valid.size()));
  return TextBox(cr_.get(), std::move(layout), style.color);
}

void PdfCanvas::FillRect(double x, double y, double width, double height, Color color) {
  cairo_set_source_rgb(cr_.get(), color.red, color.green, color.blue);
  cairo_rectangle(cr_.get(), x, y, width, height);
  cairo_fill(cr_.get());
}

void PdfCanvas::StrokeLine(double x1, double y1, double x2, double y2, Color color, double line_width) {
  cairo_set_source_rgb(cr_.get(), color.red, color.green, color.blue);
  cairo_set_line_width(cr_.get(), line_width);
  cairo_move_to(cr_.get(), x1, y1);
  cairo_line_to(cr_.get(), x2, y2);
  cairo_stroke(cr_.get());
}

void PdfCanvas::ShowPage() { cairo_show_page(cr_.get()); }

Result<std::string> PdfCanvas::Finish() {
  // Write errors surface only here, when cairo writes the document out.
  cairo_surface_finish(surface_.get());
  if (cairo_status_t status = cairo_status(cr_.get()); status != CAIRO_STATUS_SUCCESS) {
    return Internal(std::string("drawing the PDF failed: ") + cairo_status_to_string(status));
  }
  if (cairo_status_t status = cairo_surface_status(surface_.get()); status != CAIRO_STATUS_SUCCESS) {
    return Internal(std::string("writing the PDF failed: ") + cairo_status_to_string(status));
  }
  return std::move(bytes_);
}

}  // namespace trygnet::report
