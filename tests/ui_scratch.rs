//! Scratch.
mod ui_support;
use parallax::ui::Action::*;
use ui_support::*;
#[test]
fn show() {
    let mut app = hand_app(120, 35);
    press(&mut app, &[Compare, NextRight, NextLeft, NextDivergent]);
    println!(
        "sel {:?} ix {} {}",
        app.compare.sel,
        ix(2, CALL[1]),
        ix(1, CALL[0])
    );
    let d = &app.docs[2];
    for i in 13..17 {
        println!(
            "{i}: {}",
            &d.statement_text(i)[..60.min(d.statement_text(i).len())]
        );
    }
    for l in &app.alignment.links {
        println!("{:?} {:?} {:?}", l.a, l.b, l.relation);
    }
}
