export const id = 84;
export const ids = [84];
export const modules = {

/***/ 63084:
/***/ ((module) => {

module.exports = eval("require")("canvas");


/***/ })

};
