//! Scratch.
mod ui_support;
use parallax::ui::Action::*;
use ui_support::*;
#[test]
fn show() {
    let mut app = seed_app(100, 32);
    press(&mut app, &[Compare, NextLeft, NextRight, NextDivergent]);
    for l in screen_text(&app) {
        println!("{}", l.trim_end());
    }
}
