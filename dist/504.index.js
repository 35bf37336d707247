export const id = 504;
export const ids = [504];
export const modules = {

/***/ 90504:
/***/ ((module) => {

function webpackEmptyContext(req) {
	var e = new Error("Cannot find module '" + req + "'");
	e.code = 'MODULE_NOT_FOUND';
	throw e;
}
webpackEmptyContext.keys = () => ([]);
webpackEmptyContext.resolve = webpackEmptyContext;
webpackEmptyContext.id = 90504;
module.exports = webpackEmptyContext;

/***/ })

};
