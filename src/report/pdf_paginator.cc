#include "report/pdf_paginator.h"

#include <algorithm>
#include <utility>

namespace trygnet::report {

Paginator::Paginator(PdfCanvas& canvas, Frame frame, FooterDrawer draw_footer)
    : canvas_(canvas), frame_(frame), draw_footer_(std::move(draw_footer)), y_(frame.top) {}

void Paginator::Gap(double height) {
  if (!at_page_top_) y_ = std::min(y_ + height, frame_.bottom);
}

void Paginator::Reserve(double height) {
  if (!at_page_top_ && height > remaining()) NewPage();
}

void Paginator::Advance(double height) {
  y_ += height;
  at_page_top_ = false;
}

void Paginator::NewPage() {
  draw_footer_(canvas_, page_);
  canvas_.ShowPage();
  ++page_;
  y_ = frame_.top;
  at_page_top_ = true;
}

void Paginator::PlaceText(const TextBox& text, double indent) {
  const int line_count = text.line_count();
  int line_idx = 0;
  while (line_idx < line_count) {
    const int rest = line_count - line_idx;
    int fitting = text.LinesFitting(line_idx, remaining());
    if (fitting < rest) {
      if (fitting < 2 && !at_page_top_) {  // no lone first line at the foot of a page
        NewPage();
        continue;
      }
      if (rest - fitting == 1 && fitting > 2) --fitting;  // nor a lone last line on the next
      fitting = std::max(fitting, 1);                     // a line taller than a page overflows
    }
    const int end_line = line_idx + fitting;
    text.DrawLines(left() + indent, y_, line_idx, end_line);
    Advance(text.LinesHeight(line_idx, end_line));
    line_idx = end_line;
    if (line_idx < line_count) NewPage();
  }
}

void Paginator::PlaceRows(double header_height, const std::function<void(double y)>& draw_header,
                          const std::vector<double>& row_heights,
                          const std::function<void(size_t row_idx, double y)>& draw_row) {
  Reserve(header_height + (row_heights.empty() ? 0 : row_heights.front()));
  draw_header(y_);
  Advance(header_height);
  for (size_t row_idx = 0; row_idx < row_heights.size(); ++row_idx) {
    if (row_heights[row_idx] > remaining()) {
      NewPage();
      draw_header(y_);
      Advance(header_height);
    }
    draw_row(row_idx, y_);
    Advance(row_heights[row_idx]);
  }
}

void Paginator::Finish() {
  draw_footer_(canvas_, page_);
  canvas_.ShowPage();
}

}  // namespace trygnet::report
