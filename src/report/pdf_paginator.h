// Places measured content top to bottom on the pages of a PdfCanvas: starts
// a new page when the next piece does not fit, splits text between lines and
// tables between rows (repeating the header row), and has the footer drawn on
// every page as the page is finished. What goes on the page, and how it looks,
// is the caller's (render_pdf.cc).
// Thread-safety: not thread-safe; use it with its canvas on one thread.
#pragma once

#include <functional>
#include <vector>

#include "report/pdf_canvas.h"

namespace trygnet::report {

class Paginator {
 public:
  // The content area of every page, in points from the page's top left.
  struct Frame {
    double left = 0;
    double top = 0;
    double right = 0;
    double bottom = 0;
  };
  // Draws the footer of page `page_number` (1-based) outside the frame.
  using FooterDrawer = std::function<void(PdfCanvas& canvas, int page_number)>;

  // REQUIRES: `canvas` outlives the paginator; frame.top < frame.bottom.
  Paginator(PdfCanvas& canvas, Frame frame, FooterDrawer draw_footer);
  Paginator(const Paginator&) = delete;
  Paginator& operator=(const Paginator&) = delete;

  double left() const { return frame_.left; }
  double width() const { return frame_.right - frame_.left; }
  double y() const { return y_; }  // where the next piece goes
  int page() const { return page_; }
  bool at_page_top() const { return at_page_top_; }
  double remaining() const { return frame_.bottom - y_; }

  // Leaves `height` of space, except at the top of a page.
  void Gap(double height);
  // Makes sure `height` fits below the cursor: starts a new page if it does
  // not. On an empty page nothing can be gained, so the piece then overflows.
  void Reserve(double height);
  // Moves the cursor below a piece the caller drew at y().
  void Advance(double height);
  // Finishes the current page (with its footer) and starts the next.
  void NewPage();

  // Draws `text` `indent` points right of the left edge, continuing on the
  // next page between lines when it does not fit; it neither leaves a single
  // first line at the foot of a page nor carries a single last line over.
  void PlaceText(const TextBox& text, double indent = 0);

  // Draws the rows of a table, each whole: `draw_header(y)` draws the header
  // row (`header_height` high) above the first row and again at the top of
  // each further page; `draw_row(row_idx, y)` draws row `row_idx`.
  void PlaceRows(double header_height, const std::function<void(double y)>& draw_header,
                 const std::vector<double>& row_heights, const std::function<void(size_t row_idx, double y)>& draw_row);

  // Finishes the last page. Call once, after everything is placed.
  void Finish();

 private:
  PdfCanvas& canvas_;
  Frame frame_;
  FooterDrawer draw_footer_;
  double y_;
  int page_ = 1;
  bool at_page_top_ = true;
};

}  // namespace trygnet::report
