// Jiandu: Tasklist configuration. Chinese is offered to browsers that prefer it (locales/zh.json);
// labels it does not translate fall back to English.
export default {
  app: {
    name: '待办任务',
    vendor: '行政执法监督平台'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '焦点移到第一个过滤器'},
    focusList: {key: 'ctrl+alt+l', description: '焦点移到任务列表的第一个任务'},
    focusForm: {key: 'ctrl+alt+f', description: '焦点移到任务表单的第一个输入框'},
    startProcess: {key: 'ctrl+alt+p', description: '打开发起流程对话框'}
  }
};
